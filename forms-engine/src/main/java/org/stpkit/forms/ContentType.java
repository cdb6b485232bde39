package org.stpkit.forms;

/** Content blocks a page can show between or instead of questions. */
public enum ContentType {
  PARAGRAPH, INSET, WARNING, DETAILS
}

package org.stpkit.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a file question can accept, by the names definitions use ({@code accept: [pdf,
 * jpeg, png]}). The engine recognises each by its content (its magic bytes, and for office
 * documents the entries of the archive), never by the file's name or the type the browser claims.
 */
public enum FileKind {
  PDF("pdf", "PDF", "application/pdf"),
  PNG("png", "PNG", "image/png"),
  JPEG("jpeg", "JPG", "image/jpeg"),
  /** A Word document (Office Open XML). */
  DOCX("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  /** An Excel workbook (Office Open XML). */
  XLSX("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  /** An OpenDocument text document. */
  ODT("odt", "ODT", "application/vnd.oasis.opendocument.text"),
  /** An OpenDocument spreadsheet. */
  ODS("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet");

  private final String definitionName;
  private final String displayName;
  private final String contentType;

  FileKind(String definitionName, String displayName, String contentType) {
    this.definitionName = definitionName;
    this.displayName = displayName;
    this.contentType = contentType;
  }

  /** The name in definitions, such as {@code jpeg}. */
  public String definitionName() {
    return definitionName;
  }

  /** How error messages name it, as GOV.UK's do: "The selected file must be a JPG or PDF". */
  public String displayName() {
    return displayName;
  }

  /** The media type the engine records for a file of this kind. */
  public String contentType() {
    return contentType;
  }

  public static Optional<FileKind> byDefinitionName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.definitionName.equals(name)).findFirst();
  }
}

package org.stpkit.notify;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file in a case's data: a document to send by email (a link in the email, Notify's "send a file
 * by email") or the PDF of a letter the service made itself. Put it in the {@link CaseData} map at
 * the path the catalogue names.
 *
 * <pre>{@code
 * CaseData.of(Map.of("decision", Map.of("letter", CaseFile.of("decision.pdf", pdfBytes))))
 * }</pre>
 */
public final class CaseFile {
  private final String filename;
  private final byte[] content;

  private CaseFile(String filename, byte[] content) {
    this.filename = filename;
    this.content = content;
  }

  /** A file's name (with its extension, which Notify checks) and content. */
  public static CaseFile of(String filename, byte[] content) {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(content, "content");
    return new CaseFile(filename, content.clone());
  }

  public String filename() {
    return filename;
  }

  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaseFile file && file.filename.equals(filename) && Arrays.equals(file.content, content);
  }

  @Override
  public int hashCode() {
    return 31 * filename.hashCode() + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "CaseFile[" + filename + ", " + content.length + " bytes]";
  }
}

package org.stpkit.forms.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.stpkit.forms.FileKind;

/**
 * What kind of file some bytes are, from the bytes alone: the magic numbers of PDF, PNG and JPEG;
 * for the office formats, which are ZIP archives, the {@code mimetype} entry OpenDocument puts first
 * and the parts Office Open XML lists in the archive's central directory. Nothing is decompressed, so
 * a crafted archive costs no more than reading its directory. The file's name and the browser's
 * content type are never asked.
 */
final class FileTypes {
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final int LOCAL_HEADER = 30;
  private static final int CENTRAL_HEADER = 46;
  private static final int END_OF_DIRECTORY = 22;
  private static final int MAX_ENTRIES = 10_000;

  private FileTypes() {}

  static Optional<FileKind> detect(byte[] content) {
    if (startsWith(content, PDF)) {
      return Optional.of(FileKind.PDF);
    }
    if (startsWith(content, PNG)) {
      return Optional.of(FileKind.PNG);
    }
    if (startsWith(content, JPEG)) {
      return Optional.of(FileKind.JPEG);
    }
    if (startsWith(content, ZIP)) {
      return openDocument(content).or(() -> officeOpenXml(content));
    }
    return Optional.empty();
  }

  /** OpenDocument: a first entry named {@code mimetype}, stored uncompressed, holding the media type. */
  private static Optional<FileKind> openDocument(byte[] zip) {
    if (zip.length < LOCAL_HEADER || u16(zip, 8) != 0) {
      return Optional.empty();
    }
    int nameLength = u16(zip, 26);
    int extraLength = u16(zip, 28);
    long size = u32(zip, 18);
    int dataStart = LOCAL_HEADER + nameLength + extraLength;
    if (!"mimetype".equals(ascii(zip, LOCAL_HEADER, nameLength)) || size > 100 || dataStart + size > zip.length) {
      return Optional.empty();
    }
    String mediaType = ascii(zip, dataStart, (int) size);
    for (FileKind kind : new FileKind[] {FileKind.ODT, FileKind.ODS}) {
      if (kind.contentType().equals(mediaType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Office Open XML: {@code [Content_Types].xml} and the main part of a Word document or a workbook. */
  private static Optional<FileKind> officeOpenXml(byte[] zip) {
    Set<String> names = centralDirectoryNames(zip);
    if (!names.contains("[Content_Types].xml")) {
      return Optional.empty();
    }
    if (names.contains("word/document.xml")) {
      return Optional.of(FileKind.DOCX);
    }
    if (names.contains("xl/workbook.xml")) {
      return Optional.of(FileKind.XLSX);
    }
    return Optional.empty();
  }

  /** The entry names in a ZIP's central directory; empty when the directory cannot be read. */
  private static Set<String> centralDirectoryNames(byte[] zip) {
    Set<String> names = new HashSet<>();
    int end = -1;
    // The end-of-directory record is in the last 22 bytes, or before a comment of up to 65,535.
    for (int at = zip.length - END_OF_DIRECTORY; at >= Math.max(0, zip.length - END_OF_DIRECTORY - 65_535); at--) {
      if (u32(zip, at) == 0x06054b50L) {
        end = at;
        break;
      }
    }
    if (end < 0) {
      return names;
    }
    int entries = Math.min(u16(zip, end + 10), MAX_ENTRIES);
    long offset = u32(zip, end + 16);
    for (int i = 0; i < entries; i++) {
      if (offset < 0 || offset + CENTRAL_HEADER > zip.length || u32(zip, (int) offset) != 0x02014b50L) {
        break;
      }
      int at = (int) offset;
      int nameLength = u16(zip, at + 28);
      if (at + CENTRAL_HEADER + nameLength > zip.length) {
        break;
      }
      names.add(new String(zip, at + CENTRAL_HEADER, nameLength, StandardCharsets.UTF_8));
      offset = (long) at + CENTRAL_HEADER + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
    }
    return names;
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] bytes, int offset, int length) {
    return offset + length > bytes.length ? "" : new String(bytes, offset, length, StandardCharsets.US_ASCII);
  }

  private static int u16(byte[] bytes, int at) {
    return at + 2 > bytes.length ? 0 : (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] bytes, int at) {
    return at < 0 || at + 4 > bytes.length ? -1
        : (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16 | (bytes[at + 3] & 0xFFL) << 24;
  }
}

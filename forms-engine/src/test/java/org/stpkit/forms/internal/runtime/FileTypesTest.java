package org.stpkit.forms.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FileKind;
import org.stpkit.forms.SampleFiles;

/** Kinds of file told by their content alone. */
class FileTypesTest {
  @Test
  void tellsPdfPngAndJpegByTheirMagicBytes() {
    assertThat(FileTypes.detect(SampleFiles.pdf())).contains(FileKind.PDF);
    assertThat(FileTypes.detect(SampleFiles.png())).contains(FileKind.PNG);
    assertThat(FileTypes.detect(SampleFiles.jpeg())).contains(FileKind.JPEG);
  }

  @Test
  void tellsWordAndExcelByThePartsInTheArchivesDirectory() throws IOException {
    assertThat(FileTypes.detect(SampleFiles.docx())).contains(FileKind.DOCX);
    assertThat(FileTypes.detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
        .contains(FileKind.XLSX);
  }

  @Test
  void tellsOpenDocumentByItsStoredMimetypeEntry() throws IOException {
    assertThat(FileTypes.detect(openDocument("application/vnd.oasis.opendocument.text"))).contains(FileKind.ODT);
    assertThat(FileTypes.detect(openDocument("application/vnd.oasis.opendocument.spreadsheet"))).contains(FileKind.ODS);
    assertThat(FileTypes.detect(openDocument("application/vnd.oasis.opendocument.presentation"))).isEmpty();
  }

  @Test
  void refusesWhatIsNoneOfThemWhateverItClaims() throws IOException {
    assertThat(FileTypes.detect("just text, though named report.pdf".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(FileTypes.detect("MZ\u0090\u0000 an executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(FileTypes.detect(zip("readme.txt", "word/document.xml"))).as("no [Content_Types].xml").isEmpty();
    assertThat(FileTypes.detect(new byte[] {'%', 'P', 'D'})).as("too short to be a PDF").isEmpty();
    assertThat(FileTypes.detect(new byte[0])).isEmpty();
  }

  @Test
  void aTruncatedOrCraftedArchiveIsRefusedWithoutFailing() throws IOException {
    byte[] docx = SampleFiles.docx();
    byte[] truncated = java.util.Arrays.copyOf(docx, docx.length - 30);
    assertThat(FileTypes.detect(truncated)).isEmpty();
    byte[] lyingDirectory = docx.clone();
    // The end-of-directory record's offset of the central directory, pointed past the end.
    int end = lyingDirectory.length - 22;
    lyingDirectory[end + 16] = (byte) 0xFF;
    lyingDirectory[end + 17] = (byte) 0xFF;
    lyingDirectory[end + 18] = (byte) 0xFF;
    lyingDirectory[end + 19] = (byte) 0x7F;
    assertThat(FileTypes.detect(lyingDirectory)).isEmpty();
  }

  private static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<part name='" + name + "'/>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] openDocument(String mediaType) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] type = mediaType.getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}

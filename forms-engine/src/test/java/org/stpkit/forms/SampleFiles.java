package org.stpkit.forms;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small real files of each kind for upload tests, made on the spot. */
public final class SampleFiles {
  /** The EICAR test signature: the stub ClamAV server reports a virus in any file holding it. */
  public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  private SampleFiles() {}

  public static byte[] pdf() {
    return pdfWith("Report of a pollution incident");
  }

  /** A PDF whose text is this (the EICAR signature, for a file with a "virus"). */
  public static byte[] pdfWith(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpeg");
  }

  /** A Word document as Word writes its parts (the content does not matter to the engine). */
  public static byte[] docx() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : new String[] {"[Content_Types].xml", "_rels/.rels", "word/document.xml"}) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A PDF of exactly this many bytes (over a limit, for instance). */
  public static byte[] pdfOfSize(int size) {
    byte[] start = pdf();
    byte[] padded = Arrays.copyOf(start, Math.max(size, start.length));
    Arrays.fill(padded, start.length, padded.length, (byte) ' ');
    return padded;
  }

  /** Writes a file for a browser to choose. */
  public static Path write(Path folder, String name, byte[] content) {
    try {
      Files.createDirectories(folder);
      return Files.write(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, Color.GREEN.getRGB());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        throw new IllegalStateException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}

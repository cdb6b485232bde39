package org.stpkit.notifysimulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Letters as PDFs: the check Notify makes of a letter sent as a PDF (that it is one), and a plain
 * one-page PDF of a template letter's address and text, for {@code GET /v2/notifications/{id}/pdf}
 * (Notify's own has its layout; a test needs a PDF with the letter's words in it).
 */
final class LetterPdfs {
  private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private LetterPdfs() {}

  static boolean isPdf(byte[] content) {
    if (content.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (content[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** One A4 page, Helvetica, one line of text per line given. */
  static byte[] page(List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 11 Tf 72 770 Td 14 TL");
    for (String line : lines) {
      text.append(" (").append(escape(line)).append(") Tj T*");
    }
    text.append(" ET");
    byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1) + "\nendstream");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(pdf, "%PDF-1.4\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = pdf.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
    table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    write(pdf, table.toString());
    return pdf.toByteArray();
  }

  /** PDF string syntax, in the standard fonts' Latin-1: other characters become '?'. */
  private static String escape(String line) {
    StringBuilder escaped = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (c == '(' || c == ')' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20 || c > 0xFF) {
        escaped.append('?');
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}

package vn.gov.sct.onestop.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What a test checks in a paper's PDF, read with PDFBox: its text, its fonts (all embedded), and every glyph it
 * shows (none is the font's .notdef, glyph 0, which prints as an empty box).
 */
public final class PdfChecks {

  private final String text;
  private final String cellText;
  private final List<String> fonts = new ArrayList<>();
  private final List<String> notEmbedded = new ArrayList<>();
  private final List<String> missingGlyphs = new ArrayList<>();
  private final int pages;
  private final String pdfaPart;

  private PdfChecks(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      pages = document.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void showGlyph(Matrix matrix, PDFont font, int code, Vector displacement) throws IOException {
          if (font instanceof PDVectorFont vector && !vector.hasGlyph(code)) {
            missingGlyphs.add(font.getName() + " code " + code);
          }
          super.showGlyph(matrix, font, code, displacement);
        }
      };
      cellText = stripper.getText(document).replaceAll("\\s+", " ");
      stripper.setSortByPosition(true);
      text = stripper.getText(document);
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts.add(font.getName());
          if (!font.isEmbedded()) {
            notEmbedded.add(font.getName());
          }
        }
      }
      String xmp = document.getDocumentCatalog().getMetadata() == null ? ""
          : new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
      pdfaPart = xmp.contains("pdfaid:part") || xmp.contains("pdfaid:part=") ? xmp : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PdfChecks of(byte[] pdf) {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    return new PdfChecks(pdf);
  }

  /** The text with every run of white space (line breaks of table cells included) as one space. */
  public String text() {
    return text.replaceAll("\\s+", " ");
  }

  /** The text in drawing order (each table cell's lines together), white space runs as one space. */
  public String cellText() {
    return cellText;
  }

  public int pages() {
    return pages;
  }

  public void assertFontsEmbeddedAndNoGlyphMissing() {
    assertThat(fonts).as("fonts").isNotEmpty();
    assertThat(notEmbedded).as("fonts not embedded").isEmpty();
    assertThat(missingGlyphs).as("glyphs shown as .notdef").isEmpty();
  }

  /** The XMP metadata declares PDF/A (part 2, conformance U). */
  public void assertPdfA2u() {
    assertThat(pdfaPart).as("PDF/A identification in XMP").isNotEmpty();
    assertThat(pdfaPart.replaceAll("\\s", "")).containsAnyOf("pdfaid:part>2<", "pdfaid:part=\"2\"");
    assertThat(pdfaPart.replaceAll("\\s", "")).containsAnyOf("pdfaid:conformance>U<", "pdfaid:conformance=\"U\"");
  }
}

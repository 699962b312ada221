package vn.gov.sct.onestop.paper;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import vn.gov.sct.onestop.Sha256;

/**
 * Renders a paper: a Thymeleaf template ({@code papers/templates/<name>.html}, well-formed XHTML) filled with the
 * paper's data, laid out to PDF/A-2u by openhtmltopdf with every font embedded. Templates name the font family
 * "Times New Roman" (Decree 30/2020/NĐ-CP); it is the bundled Liberation Serif 2 unless an operator configures
 * the directory of a licensed Times New Roman.
 *
 * <p>Deterministic: the same template and data give the same bytes. The PDF's dates are the paper's issue time
 * and its file identifier is derived from the data, not from the clock, so two downloads have one SHA-256.
 */
@Component
public class PdfRenderer {

  static final String FAMILY = "Times New Roman";
  private static final String TEMPLATES = "papers/templates/";

  /** The four faces: bundled file, licensed Times New Roman file, weight, style. */
  private record Face(String bundled, String licensed, int weight, FontStyle style) {}

  private static final List<Face> FACES = List.of(
      new Face("LiberationSerif-Regular.ttf", "times.ttf", 400, FontStyle.NORMAL),
      new Face("LiberationSerif-Bold.ttf", "timesbd.ttf", 700, FontStyle.NORMAL),
      new Face("LiberationSerif-Italic.ttf", "timesi.ttf", 400, FontStyle.ITALIC),
      new Face("LiberationSerif-BoldItalic.ttf", "timesbi.ttf", 700, FontStyle.ITALIC));

  private static final Pattern XMP_DATE = Pattern.compile("<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:\\1>");

  private final TemplateEngine templates;
  private final List<byte[]> fonts;
  private final byte[] colorProfile;

  public PdfRenderer(PapersProperties properties) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(TEMPLATES);
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    this.templates = new TemplateEngine();
    this.templates.setTemplateResolver(resolver);
    this.fonts = FACES.stream().map(face -> fontBytes(face, properties.fontDirectory())).toList();
    this.colorProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  /** Whether the template file exists (checked on start for every form of {@code forms.yaml}). */
  static boolean templateExists(String name) {
    return new ClassPathResource(TEMPLATES + name + ".html").exists();
  }

  /** The filled template as XHTML: what {@link #pdf} lays out (tests read it too). */
  String html(String template, Map<String, Object> model) {
    return templates.process(template, new Context(null, model));
  }

  /**
   * The PDF of the template filled with the model. {@code createdAt} becomes the PDF's creation date, and
   * {@code title} its title; both, with the content, decide the file identifier.
   */
  public byte[] pdf(String template, Map<String, Object> model, Instant createdAt, String title) {
    String html = html(template, model);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder()
        .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U)
        .useColorProfile(colorProfile)
        .withProducer("onestop")
        .withHtmlContent(html, null)
        .toStream(out);
    for (int i = 0; i < FACES.size(); i++) {
      byte[] bytes = fonts.get(i);
      builder.useFont(() -> new ByteArrayInputStream(bytes), FAMILY, FACES.get(i).weight(), FACES.get(i).style(), true);
    }
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      try (PDDocument document = renderer.createPDFKeepOpen()) {
        fixTimeAndIdentity(document, createdAt, title, Sha256.hex(html + createdAt));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        document.save(saved);
        return saved.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render paper template " + template, e);
    }
  }

  /**
   * The renderer stamps the PDF (document information and XMP metadata) with the clock, and PDFBox seeds the file
   * identifier with it; both are replaced by the paper's issue time and an identifier derived from its content.
   */
  private static void fixTimeAndIdentity(PDDocument document, Instant createdAt, String title, String contentHash)
      throws IOException {
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    created.setTimeInMillis(createdAt.toEpochMilli());
    PDDocumentInformation info = document.getDocumentInformation();
    info.setCreationDate(created);
    info.setModificationDate(created);
    info.setTitle(title);
    PDMetadata metadata = document.getDocumentCatalog().getMetadata();
    if (metadata != null) {
      String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
      String stamp = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt.atOffset(ZoneOffset.UTC).withNano(0));
      xmp = XMP_DATE.matcher(xmp).replaceAll("<xmp:$1>" + stamp + "</xmp:$1>");
      PDMetadata fixed = new PDMetadata(document, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
      document.getDocumentCatalog().setMetadata(fixed);
    }
    COSString id = new COSString(HexFormat.of().parseHex(contentHash.substring(0, 32)));
    COSArray ids = new COSArray();
    ids.add(id);
    ids.add(id);
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] fontBytes(Face face, String directory) {
    try {
      if (directory != null && !directory.isBlank()) {
        Path licensed = Path.of(directory, face.licensed());
        if (!Files.isReadable(licensed)) {
          throw new PaperDataException("onestop.papers.font-directory: cannot read " + licensed
              + " (expected times.ttf, timesbd.ttf, timesi.ttf and timesbi.ttf)");
        }
        return Files.readAllBytes(licensed);
      }
      try (InputStream in = new ClassPathResource("papers/fonts/" + face.bundled()).getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read font " + face.bundled(), e);
    }
  }
}

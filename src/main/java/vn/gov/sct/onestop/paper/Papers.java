package vn.gov.sct.onestop.paper;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.gov.sct.onestop.Sha256;

/**
 * Downloads of issued papers: the frozen data of {@code issued_paper} rendered with the template it was issued
 * with. The first rendering records the PDF's SHA-256; a later one that differs (a renderer or font upgrade
 * changed the bytes) is logged, since the paper's content still comes from the frozen data.
 */
@Service
public class Papers {

  private static final Logger log = LoggerFactory.getLogger(Papers.class);

  private final IssuedPapers issued;
  private final PdfRenderer renderer;

  public Papers(IssuedPapers issued, PdfRenderer renderer) {
    this.issued = issued;
    this.renderer = renderer;
  }

  /** The paper of this kind (the given one of several, or the latest), if it was issued. */
  public Optional<RenderedPaper> issued(String dossierCode, PaperKind kind, Integer seq) {
    return issued.find(dossierCode, kind, seq).map(this::render);
  }

  RenderedPaper render(IssuedPaper paper) {
    Map<String, Object> data = data(paper.data());
    byte[] pdf = renderer.pdf((String) data.get("template"), model(data), paper.issuedAt(),
        data.get("formTitle") + " " + paper.number());
    String sha = Sha256.hex(pdf);
    if (paper.pdfSha256() == null) {
      issued.recordPdfSha256(paper, sha);
    } else if (!paper.pdfSha256().equals(sha)) {
      log.warn("Paper {} {} #{} renders to SHA-256 {}, first rendered as {}", paper.dossierCode(), paper.kind(),
          paper.seq(), sha, paper.pdfSha256());
    }
    return new RenderedPaper(fileName(paper.kind(), paper.dossierCode(), paper.seq()), RenderedPaper.PDF, pdf);
  }

  /** The template's model: the frozen data as {@code d}, and the receipt's QR code made from its lookup URL. */
  static Map<String, Object> model(Map<String, Object> data) {
    Map<String, Object> model = new HashMap<>();
    model.put("d", data);
    Object lookupUrl = data.get("lookupUrl");
    if (lookupUrl != null) {
      model.put("qr", QrCodes.pngDataUri(lookupUrl.toString()));
    }
    return model;
  }

  static String fileName(PaperKind kind, String dossierCode, int seq) {
    return kind.slug() + "-" + dossierCode + (seq > 1 ? "-" + seq : "") + ".pdf";
  }

  static Map<String, Object> data(String json) {
    try {
      return PaperIssuer.JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}

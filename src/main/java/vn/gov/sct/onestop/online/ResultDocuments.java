package vn.gov.sct.onestop.online;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.paper.PaperKind;
import vn.gov.sct.onestop.paper.Papers;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * The result of a returned dossier (level 4) for the applicant: the result information copy (a PDF with the
 * decision's number and date) issued when the office recorded the result, rendered from its frozen data, so
 * every download is the same document. The legally valid document is the office's signed and stamped one, whose
 * electronic form (a digitally signed PDF) is a later step.
 */
@Component
public class ResultDocuments {

  private final Papers papers;

  public ResultDocuments(Papers papers) {
    this.papers = papers;
  }

  public ResultDocument render(Dossier dossier) {
    return papers.issued(dossier.code(), PaperKind.RESULT_COPY, null)
        .map(p -> new ResultDocument(p.fileName(), p.contentType(), p.content()))
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "paper-not-found", "văn bản",
            PaperKind.RESULT_COPY.slug()));
  }
}

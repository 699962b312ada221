package vn.gov.sct.onestop.paper;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.sct.onestop.web.ApiProblem;

/** What the paper endpoints share: the kind named in the URL, and a paper as a download. */
final class PaperDownloads {

  private PaperDownloads() {}

  static PaperKind kind(String slug) {
    return PaperKind.ofSlug(slug).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "paper-unknown", slug,
        Arrays.stream(PaperKind.values()).filter(k -> k != PaperKind.TRACKING_BOOK && k != PaperKind.STOP_NOTICE)
            .map(PaperKind::slug).collect(Collectors.joining(", "))));
  }

  static ApiProblem notIssued(PaperKind kind) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "paper-not-found", "văn bản", kind.slug());
  }

  /** Inline, so a browser shows the PDF (and prints it); the file name is kept for "save as". */
  static ResponseEntity<byte[]> download(RenderedPaper paper) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(paper.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(paper.fileName()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(paper.content());
  }
}

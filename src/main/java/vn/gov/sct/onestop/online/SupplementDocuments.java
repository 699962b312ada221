package vn.gov.sct.onestop.online;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.ApiProblem.FieldIssue;

/**
 * Which required document each supplement file completes: the applicant's {@code completes} list checked against
 * the procedure's required documents of the catalog. One entry per file at most; a blank or null entry (or none)
 * means not said.
 */
final class SupplementDocuments {

  private SupplementDocuments() {}

  /** The document of each file, by position (null where not said); a problem naming each entry at fault. */
  static List<String> check(List<String> completes, int files, List<String> requiredDocuments) {
    List<String> documents = new ArrayList<>();
    if (completes == null) {
      return documents;
    }
    List<FieldIssue> issues = new ArrayList<>();
    if (completes.size() > files) {
      issues.add(new FieldIssue("supplement.completes", "problem.supplement-document.count", files));
    }
    for (int i = 0; i < completes.size(); i++) {
      String name = completes.get(i) == null ? null : completes.get(i).strip();
      if (name != null && name.isEmpty()) {
        name = null;
      }
      if (name != null && !requiredDocuments.contains(name)) {
        issues.add(new FieldIssue("supplement.completes[" + i + "]", "problem.supplement-document.field",
            String.join("; ", requiredDocuments)));
      }
      documents.add(name);
    }
    if (!issues.isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "supplement-document", issues);
    }
    return documents;
  }
}

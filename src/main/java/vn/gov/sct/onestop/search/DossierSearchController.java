package vn.gov.sct.onestop.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API: find any dossier the signed-in user may see, e.g.
 * {@code /api/v1/dossiers?applicant=hải an&status=10&from=2026-01-01&sort=completedAt,desc&page=0&size=20}.
 */
@RestController
@Tag(name = "Cán bộ: tra cứu hồ sơ", description = "Staff endpoints (HTTP Basic, Camunda authorizations)")
@SecurityRequirement(name = "basic")
public class DossierSearchController {

  private final DossierSearch search;

  public DossierSearchController(DossierSearch search) {
    this.search = search;
  }

  @GetMapping(value = "/api/v1/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Tra cứu hồ sơ (mã, tên hoặc số giấy tờ, thủ tục, trạng thái, hình thức nộp, đơn vị, kỳ)",
      description = "Every criterion is optional: code, applicant, idNumber, procedure, status, channel, division, "
          + "from, to, sort (e.g. registeredAt,desc), page, size (at most 100); without any, every dossier the user "
          + "may see, newest first.")
  // hidden: the map is no required parameter named 'params' (the criteria are listed in the description)
  public SearchPage search(@Parameter(hidden = true) @RequestParam Map<String, String> params) {
    return search.search(SearchCriteria.parse(params));
  }
}

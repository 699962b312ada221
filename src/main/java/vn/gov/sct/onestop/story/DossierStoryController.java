package vn.gov.sct.onestop.story;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.dossier.DossierAccess;

/** Staff API: a dossier's whole story, for the managers' Cockpit page; 404 for a dossier the user may not see. */
@RestController
@Tag(name = "Cán bộ: tra cứu hồ sơ", description = "Staff endpoints (HTTP Basic, Camunda authorizations)")
@SecurityRequirement(name = "basic")
public class DossierStoryController {

  private final DossierStoryService stories;
  private final DossierAccess access;

  public DossierStoryController(DossierStoryService stories, DossierAccess access) {
    this.stories = stories;
    this.access = access;
  }

  @GetMapping(value = "/api/v1/dossiers/{code}/story", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Toàn bộ quá trình giải quyết một hồ sơ")
  public DossierStory story(@PathVariable String code) {
    access.require(code);
    return stories.story(code);
  }
}

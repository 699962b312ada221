package vn.gov.sct.onestop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;

/**
 * A division head (in the division's group and its lead group) sees each Tasklist filter once: the division's
 * three and the lead group's own; a database with the former duplicated filters is changed in place.
 */
class HeadFiltersTest extends EngineTestSupport {

  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;
  @Autowired ProcedureCatalog catalog;

  @Test
  void aHeadSeesEachFilterOnceAndTheLeadFilterHoldsWhatWaitsForTheHead() {
    clockAt("2026-04-07T09:00");
    String code = submit("promotionRegistration", "Công ty TNHH Bộ Lọc").getBusinessKey();
    complete(code, "checkCompleteness", "motcua", vars("receptionDecision", "ACCEPT"));

    asUser("tp.thuongmai");
    List<String> names = filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    assertThat(names).doesNotHaveDuplicates()
        .contains("Hồ sơ của phòng tôi", "Sắp đến hạn", "Quá hạn", "Chờ lãnh đạo phòng xử lý", "Việc của tôi");
    Filter lead = byKey("trade-management-lead/all");
    List<Task> waiting = filterService.list(lead.getId());
    assertThat(waiting).anyMatch(t -> t.getTaskDefinitionKey().equals("assignSpecialist")
        && t.getName().endsWith(code));
    identityService.clearAuthentication();

    asUser("cv.thuongmai");
    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
        .doesNotHaveDuplicates().doesNotContain("Chờ lãnh đạo phòng xử lý");
  }

  @Test
  void theFormerDuplicatesAreChangedInPlaceOnUpgrade() {
    // the filters as the previous release left them for the lead group
    Filter oldAll = byKey("trade-management-lead/all");
    oldAll.setName("Hồ sơ của phòng tôi");
    filterService.saveFilter(oldAll);
    for (String key : List.of("trade-management-lead/due-soon", "trade-management-lead/overdue")) {
      Filter old = filterService.newTaskFilter(key.endsWith("overdue") ? "Quá hạn" : "Sắp đến hạn");
      old.setQuery(taskService.createTaskQuery().taskCandidateGroup("trade-management-lead"));
      old.setProperties(Map.of(TasklistFilters.KEY, key));
      filterService.saveFilter(old);
    }

    List<Division> divisions = List.copyOf(catalog.divisions());
    filters.ensure(engine, divisions);

    Filter renamed = byKey("trade-management-lead/all");
    assertThat(renamed.getId()).isEqualTo(oldAll.getId());
    assertThat(renamed.getName()).isEqualTo("Chờ lãnh đạo phòng xử lý");
    assertThat(filterService.createFilterQuery().list()).noneMatch(f -> f.getProperties() != null
        && List.of("trade-management-lead/due-soon", "trade-management-lead/overdue")
            .contains(f.getProperties().get(TasklistFilters.KEY)));
  }

  private Filter byKey(String key) {
    boolean signedIn = identityService.getCurrentAuthentication() != null;
    var user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return filterService.createFilterQuery().list().stream()
          .filter(f -> f.getProperties() != null && key.equals(f.getProperties().get(TasklistFilters.KEY)))
          .findFirst().orElseThrow();
    } finally {
      if (signedIn) {
        identityService.setAuthentication(user);
      }
    }
  }
}

package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** processes/procedures.yaml: the shipped catalog loads, and an inconsistent one is refused by name. */
class ProcedureCatalogTest {

  private static ProcedureCatalog load(String yaml) {
    return ProcedureCatalog.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static final String DIVISIONS = """
      divisions:
        - { id: one-stop, name: Bộ phận Một cửa }
        - { id: trade-management, name: Phòng Quản lý Thương mại }
      """;

  private static String procedure(String deadlines) {
    return DIVISIONS + """
        procedures:
          - code: promo
            nameVi: Đăng ký khuyến mại
            nameEn: Promotion registration
            division: trade-management
            processKey: promo
            onlineLevel: 4
            feeVnd: 0
            deadlines:
        """ + deadlines;
  }

  @Test
  void shipped_catalog_loads_and_matches_the_models() throws Exception {
    try (InputStream in = new ClassPathResource("processes/procedures.yaml").getInputStream()) {
      ProcedureCatalog catalog = ProcedureCatalog.load("procedures.yaml", in);
      catalog.requireModels(ProcessModels.fromClasspath().processIds());
      Procedure promotion = catalog.byCode("promotion-registration");
      assertThat(promotion.deadlineOn(LocalDate.of(2017, 12, 31)).workingDays()).isEqualByComparingTo("5");
      assertThat(promotion.deadlineOn(LocalDate.of(2018, 1, 1)).workingDays()).isEqualByComparingTo("4");
    }
  }

  @Test
  void allotments_that_do_not_add_up_are_refused_naming_the_entry() {
    String yaml = procedure("""
              - workingDays: 4
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments:
                  - { step: checkCompleteness, unit: one-stop, days: 0.5 }
                  - { step: appraiseDossier, unit: trade-management, days: 3 }
        """);
    assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
        .hasMessageContaining("test.yaml").hasMessageContaining("procedure 'promo'")
        .hasMessageContaining("add up to 3.5").hasMessageContaining("deadline is 4");
  }

  @Test
  void overlapping_effective_periods_are_refused() {
    String version = """
              - workingDays: 1
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments:
                  - { step: checkCompleteness, unit: one-stop, days: 1 }
        """;
    assertThatThrownBy(() -> load(procedure(version + version))).isInstanceOf(CatalogException.class)
        .hasMessageContaining("procedure 'promo'").hasMessageContaining("overlaps");
  }

  @Test
  void a_process_key_without_model_is_refused() {
    ProcedureCatalog catalog = load(procedure("""
              - workingDays: 1
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments:
                  - { step: checkCompleteness, unit: one-stop, days: 1 }
        """));
    assertThatThrownBy(() -> catalog.requireModels(Set.of("reception"))).isInstanceOf(CatalogException.class)
        .hasMessageContaining("'promo'").hasMessageContaining("no BPMN model");
  }

  @Test
  void zero_or_fractional_days_and_unknown_units_are_refused() {
    assertThatThrownBy(() -> load(procedure("""
              - workingDays: 0
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments: []
        """))).hasMessageContaining("positive multiple of 0.5");
    assertThatThrownBy(() -> load(procedure("""
              - workingDays: 1
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments:
                  - { step: checkCompleteness, unit: nowhere, days: 1 }
        """))).hasMessageContaining("unknown unit 'nowhere'");
  }

  @Test
  void a_dossier_received_before_the_first_version_has_no_deadline() {
    ProcedureCatalog catalog = load(procedure("""
              - workingDays: 1
                effectiveFrom: 2018-01-01
                legalBasis: test
                allotments:
                  - { step: checkCompleteness, unit: one-stop, days: 1 }
        """));
    assertThatThrownBy(() -> catalog.byCode("promo").deadlineOn(LocalDate.of(2017, 6, 1)))
        .hasMessageContaining("no deadline in force on 2017-06-01");
  }
}

package vn.gov.sct.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.sla.Deadlines;
import vn.gov.sct.onestop.sla.SlaProperties;

/** The shipped catalog: four procedures, their deadline history, and the steps of the shared models. */
class FourProceduresCatalogTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.loadDefault();

  private static ProcedureCatalog shipped() throws Exception {
    try (InputStream in = Files.newInputStream(Paths.get("processes/procedures.yaml"))) {
      return ProcedureCatalog.load("procedures.yaml", in);
    }
  }

  @Test
  void theFourProceduresOfTheDepartment() throws Exception {
    ProcedureCatalog catalog = shipped();
    assertThat(catalog.procedures()).extracting(Procedure::processKey)
        .containsExactly("promotionRegistration", "petroleumRetail", "electricityRetail", "inspectionSeal");
    assertThat(catalog.byCode("petroleum-retail").siteInspectionRequired()).isTrue();
    assertThat(catalog.byCode("electricity-retail").division()).isEqualTo("energy-management");
    assertThat(catalog.byCode("inspection-seal").siteInspectionRequired()).isFalse();
  }

  @Test
  void theCutsOf2018() throws Exception {
    ProcedureCatalog catalog = shipped();
    LocalDate cut = LocalDate.of(2018, 1, 1);
    assertThat(days(catalog, "petroleum-retail", cut.minusDays(3))).isEqualTo(20); // Friday 29/12/2017
    assertThat(days(catalog, "petroleum-retail", cut)).isEqualTo(15);
    assertThat(days(catalog, "electricity-retail", cut.minusDays(1))).isEqualTo(15);
    assertThat(days(catalog, "electricity-retail", cut)).isEqualTo(12);
    assertThat(days(catalog, "promotion-registration", cut.minusDays(1))).isEqualTo(5);
    assertThat(days(catalog, "promotion-registration", cut)).isEqualTo(4);
    assertThat(days(catalog, "inspection-seal", cut.minusDays(1))).isEqualTo(7);
    assertThat(days(catalog, "inspection-seal", cut)).isEqualTo(5);
  }

  private static int days(ProcedureCatalog catalog, String code, LocalDate day) {
    return catalog.byCode(code).deadlineOn(day).workingDays().intValueExact();
  }

  /**
   * A petroleum dossier received one working day before a cut keeps 20 working days; one received on the
   * cut's day gets 15. The shipped cut (1/1/2018) lies next to 2017, which the calendar has no data for, so
   * the same catalog entry is moved to 2026 here.
   */
  @Test
  void aDossierReceivedBeforeTheCutKeepsTheOldDeadline() throws Exception {
    String yaml = Files.readString(Paths.get("processes/procedures.yaml"), StandardCharsets.UTF_8)
        .replace("effectiveFrom: 2018-01-01   # verify: the date Hải Phòng applied the cut (no official date found)\n"
            + "        legalBasis: \"Cắt giảm từ 20 xuống 15", "effectiveFrom: 2026-03-10\n        legalBasis: \"Cắt giảm từ 20 xuống 15");
    ProcedureCatalog catalog = ProcedureCatalog.load("moved.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    Deadlines deadlines = new Deadlines(CALENDAR, catalog, new SlaProperties(null));

    Instant dayBefore = at("2026-03-09T08:00"); // Monday, one working day before Tuesday 10/3
    Instant onTheDay = at("2026-03-10T08:00");
    assertThat(deadlines.legalDeadline("petroleum-retail", dayBefore).dueAt())
        .isEqualTo(CALENDAR.addWorkingDays(dayBefore, BigDecimal.valueOf(20)));
    assertThat(deadlines.legalDeadline("petroleum-retail", onTheDay).dueAt())
        .isEqualTo(CALENDAR.addWorkingDays(onTheDay, BigDecimal.valueOf(15)));
  }

  /** The allotments name the user tasks of the shared models: the inspection steps only where required. */
  @Test
  void allotmentsNameTheStepsOfTheModels() throws Exception {
    for (Procedure p : shipped().procedures()) {
      Set<String> expected = p.siteInspectionRequired()
          ? Set.of("checkCompleteness", "assignSpecialist", "scheduleInspection", "recordInspection",
              "appraiseDossier", "approveResult", "issueResult")
          : Set.of("checkCompleteness", "assignSpecialist", "appraiseDossier", "approveResult", "issueResult");
      for (DeadlineVersion v : p.deadlines()) {
        assertThat(v.allotments()).as(p.code() + " from " + v.effectiveFrom()).extracting(StepAllotment::step)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void siteInspectionFlagMustBeABoolean() {
    String yaml = """
        divisions: [{ id: trade-management, name: Phòng Quản lý Thương mại }]
        procedures:
          - { code: x, nameVi: X, nameEn: X, division: trade-management, processKey: x, onlineLevel: 3, feeVnd: 0,
              siteInspectionRequired: maybe,
              deadlines: [{ workingDays: 1, effectiveFrom: 2026-01-01, legalBasis: L,
                            allotments: [{ step: s, unit: trade-management, days: 1 }] }] }
        """;
    assertThatThrownBy(() -> ProcedureCatalog.load("bad.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bad.yaml").hasMessageContaining("procedure 'x'")
        .hasMessageContaining("siteInspectionRequired");
  }

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(CALENDAR.zone()).toInstant();
  }

  @SuppressWarnings("unused")
  private static final List<String> UNUSED = List.of();
}

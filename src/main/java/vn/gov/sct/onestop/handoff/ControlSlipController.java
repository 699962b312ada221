package vn.gov.sct.onestop.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierAccess;
import vn.gov.sct.onestop.dossier.DossierNotFoundException;
import vn.gov.sct.onestop.dossier.DossierRegistry;

/** Staff API: the process control slip (form 05) of a dossier, for Cockpit's "Phiếu kiểm soát" tab. */
@RestController
public class ControlSlipController {

  private final DossierRegistry registry;
  private final ControlSlip controlSlip;
  private final ProcedureCatalog catalog;
  private final DossierAccess access;

  public ControlSlipController(DossierRegistry registry, ControlSlip controlSlip, ProcedureCatalog catalog,
      DossierAccess access) {
    this.registry = registry;
    this.controlSlip = controlSlip;
    this.catalog = catalog;
    this.access = access;
  }

  /** The slip with the dossier's header fields; units and timeliness also in Vietnamese words. */
  public record Slip(String code, String procedureCode, String procedureName, String applicantName, String status,
      Instant receivedAt, Instant dueAt, Instant completedAt, String timeliness, List<Line> lines) {}

  public record Line(int seq, String fromUnit, String fromUnitName, String fromUser, String toUnit,
      String toUnitName, Instant handedAt, Instant dueAt, Instant finishedAt, String finishedBy, String timeliness,
      String timelinessLabel) {}

  @GetMapping(value = "/api/v1/dossiers/{code}/control-slip", produces = MediaType.APPLICATION_JSON_VALUE)
  public Slip controlSlip(@PathVariable String code) {
    access.require(code);
    Dossier d = registry.get(code);
    List<Line> lines = controlSlip.entries(code).stream().map(e -> new Line(e.seq(), e.fromUnit(), unit(e.fromUnit()),
        e.fromUser(), e.toUnit(), unit(e.toUnit()), e.handedAt(), e.dueAt(), e.finishedAt(), e.finishedBy(),
        e.timeliness(), label(e.timeliness()))).toList();
    String procedureName = catalog.findByCode(d.procedureCode()).map(p -> p.nameVi()).orElse(d.procedureCode());
    return new Slip(d.code(), d.procedureCode(), procedureName, d.applicant().name(), d.status().label(),
        d.receivedAt(), d.dueAt(), d.completedAt(), label(d.timeliness()), lines);
  }

  @ExceptionHandler(DossierNotFoundException.class)
  ResponseEntity<Map<String, String>> notFound(DossierNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
  }

  private String unit(String id) {
    return catalog.divisions().stream().filter(x -> x.id().equals(id)).map(Division::name).findFirst().orElse(id);
  }

  private static String label(String timeliness) {
    return timeliness == null ? null : Timeliness.valueOf(timeliness).label();
  }
}

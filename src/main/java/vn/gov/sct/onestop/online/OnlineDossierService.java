package vn.gov.sct.onestop.online;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.sct.onestop.EngineClock;
import vn.gov.sct.onestop.Sha256;
import vn.gov.sct.onestop.attachment.Attachment;
import vn.gov.sct.onestop.attachment.AttachmentKind;
import vn.gov.sct.onestop.attachment.AttachmentPolicy;
import vn.gov.sct.onestop.attachment.AttachmentStore;
import vn.gov.sct.onestop.attachment.NewFile;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.DeadlineVersion;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.Dossier;
import vn.gov.sct.onestop.dossier.DossierRegistry;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.dossier.DossierVariables;
import vn.gov.sct.onestop.dossier.Outcome;
import vn.gov.sct.onestop.form.ProcedureFields;
import vn.gov.sct.onestop.review.DossierView;
import vn.gov.sct.onestop.handoff.ControlSlip;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * Dịch vụ công trực tuyến: what an applicant does online. Each write runs in one transaction that the
 * engine joins (Camunda's Spring transaction integration), so registry row, documents, secret,
 * idempotency record and process instance are written together or not at all.
 *
 * <p>Works against the registry and the engine's tasks by definition key, not against a particular model:
 * a supplement completes whichever of {@link #SUPPLEMENT_TASKS} is open for the dossier's business key,
 * in the procedure's own instance or in a called one.
 */
@Service
public class OnlineDossierService {

  /** User tasks that wait for an applicant's supplement: at reception, and during appraisal. */
  public static final List<String> SUPPLEMENT_TASKS = List.of("awaitSupplement", "awaitAppraisalSupplement");
  /** Newly registered, received, in process, supplement requested: not yet decided. */
  static final Set<DossierStatus> WITHDRAWABLE = EnumSet.of(DossierStatus.NEWLY_REGISTERED,
      DossierStatus.RECEIVED, DossierStatus.IN_PROCESS, DossierStatus.SUPPLEMENT_REQUESTED);
  private static final Pattern DOSSIER_CODE = Pattern.compile("[A-Z0-9][A-Z0-9.]{0,29}-[0-9]{6}-[0-9]{4,6}");

  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;
  private final DossierRegistry registry;
  private final AttachmentPolicy policy;
  private final AttachmentStore attachments;
  private final LookupSecrets secrets;
  private final IdempotencyKeys idempotency;
  private final ResultDocuments results;
  private final ControlSlip controlSlip;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ObjectMapper json;
  private final ProcedureFields fields;
  private final DossierView view;

  public OnlineDossierService(ProcedureCatalog catalog, WorkingCalendar calendar, DossierRegistry registry,
      AttachmentPolicy policy, AttachmentStore attachments, LookupSecrets secrets, IdempotencyKeys idempotency,
      ResultDocuments results, ControlSlip controlSlip, RuntimeService runtime, TaskService tasks, ObjectMapper json,
      ProcedureFields fields, DossierView view) {
    this.fields = fields;
    this.view = view;
    this.catalog = catalog;
    this.calendar = calendar;
    this.registry = registry;
    this.policy = policy;
    this.attachments = attachments;
    this.secrets = secrets;
    this.idempotency = idempotency;
    this.results = results;
    this.controlSlip = controlSlip;
    this.runtime = runtime;
    this.tasks = tasks;
    this.json = json;
  }

  /** A submission's answer; replayed when it repeats an earlier request with the same Idempotency-Key. */
  public record Submitted(SubmitDossierResponse response, boolean replayed) {}

  /** Procedures at online level 3 or 4, with the deadline in force today. */
  public List<ProcedureView> procedures() {
    LocalDate today = today();
    return catalog.procedures().stream()
        .filter(p -> p.onlineLevel() >= 3)
        .map(p -> {
          DeadlineVersion deadline = p.deadlineOn(today);
          return new ProcedureView(p.code(), p.nationalCode(), p.nameVi(), p.nameEn(), p.onlineLevel(),
              deadline.workingDays(), deadline.effectiveFrom(), deadline.legalBasis(), p.feeVnd(),
              p.requiredDocuments(), fields.fields(p.code()));
        })
        .toList();
  }

  private LocalDate today() {
    return EngineClock.now().atZone(calendar.zone()).toLocalDate();
  }

  @Transactional
  public Submitted submit(SubmitDossierRequest request, List<MultipartFile> files, String idempotencyKey) {
    IdempotencyKeys.checkFormat(idempotencyKey);
    Procedure procedure = onlineProcedure(request.procedureCode());
    Map<String, Object> variables = fields.checkSubmission(procedure.code(), request.fields(), today());
    List<NewFile> checked = policy.check("files", files, 0);
    String requestHash = requestHash(request, checked);
    if (idempotencyKey != null) {
      Optional<byte[]> earlier = idempotency.claimOrReplay(idempotencyKey, requestHash);
      if (earlier.isPresent()) {
        return new Submitted(read(earlier.get()), true);
      }
    }
    List<String> ids = AttachmentStore.newIds(checked.size());
    ApplicantData applicant = request.applicant();
    variables.put(DossierVariables.APPLICANT_NAME, applicant.name().trim());
    variables.put(DossierVariables.APPLICANT_ID_NUMBER, applicant.idNumber());
    variables.put(DossierVariables.APPLICANT_PHONE, applicant.phone());
    variables.put(DossierVariables.APPLICANT_EMAIL, applicant.email());
    variables.put(DossierVariables.APPLICANT_ADDRESS, applicant.address());
    variables.put(DossierVariables.NOTIFY_BY_EMAIL, applicant.wants(ApplicantData.NotifyBy.EMAIL));
    variables.put(DossierVariables.NOTIFY_BY_SMS, applicant.wants(ApplicantData.NotifyBy.SMS));
    variables.put(DossierVariables.CHANNEL, Channel.ONLINE.name());
    variables.put(AttachmentStore.VARIABLE, AttachmentStore.join(ids));

    ProcessInstance instance = runtime.startProcessInstanceByKey(procedure.processKey(), variables);
    String code = (String) runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
    List<Attachment> stored = attachments.store(code, AttachmentKind.SUBMISSION, ids, checked);
    view.refreshDocuments(code);
    String secret = secrets.issue(code);
    Dossier dossier = registry.get(code);
    SubmitDossierResponse response = new SubmitDossierResponse(code, secret, StatusView.of(dossier.status()),
        dossier.registeredAt(), stored.stream().map(AttachmentView::of).toList());
    if (idempotencyKey != null) {
      idempotency.complete(idempotencyKey, requestHash, code, write(response));
    }
    return new Submitted(response, false);
  }

  @Transactional(readOnly = true)
  public DossierLookup lookup(String code, String secret) {
    verify(code, secret);
    return view(registry.get(code));
  }

  /** The applicant answers a request to supplement (status 5): documents stored, the waiting task completed. */
  @Transactional
  public SupplementResponse supplement(String code, String secret, SupplementRequest request,
      List<MultipartFile> files) {
    verify(code, secret);
    Dossier dossier = locked(code);
    if (dossier.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw notAllowed(dossier, "supplement");
    }
    Task waiting = tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKeyIn(SUPPLEMENT_TASKS.toArray(String[]::new)).active().list().stream()
        .findFirst().orElseThrow(() -> notAllowed(dossier, "supplement"));
    List<NewFile> checked = policy.check("files", files, attachments.totalSize(code));
    List<String> completes = SupplementDocuments.check(request == null ? null : request.completes(), checked.size(),
        catalog.byCode(dossier.procedureCode()).requiredDocuments());
    List<String> ids = AttachmentStore.newIds(checked.size());
    List<Attachment> stored = attachments.store(code, AttachmentKind.SUPPLEMENT, ids, checked, completes);

    List<String> all = new ArrayList<>();
    Object earlier = tasks.getVariable(waiting.getId(), AttachmentStore.VARIABLE);
    if (earlier != null && !earlier.toString().isBlank()) {
      all.addAll(List.of(earlier.toString().split(",")));
    }
    all.addAll(ids);
    Map<String, Object> variables = new HashMap<>();
    variables.put(AttachmentStore.VARIABLE, AttachmentStore.join(all));
    variables.put("supplementChannel", Channel.ONLINE.name());
    if (request != null && request.note() != null && !request.note().isBlank()) {
      variables.put("supplementNote", request.note().trim());
    }
    tasks.complete(waiting.getId(), variables);
    return new SupplementResponse(code, StatusView.of(registry.get(code).status()),
        stored.stream().map(AttachmentView::of).toList());
  }

  /**
   * Rút hồ sơ: the applicant withdraws before the decision. The process instance (and the ones it called)
   * is cancelled with the reason, and the registry marks the dossier withdrawn (status 7).
   */
  @Transactional
  public DossierLookup withdraw(String code, String secret, WithdrawRequest request) {
    verify(code, secret);
    Dossier dossier = locked(code);
    if (!WITHDRAWABLE.contains(dossier.status())) {
      throw notAllowed(dossier, "withdraw");
    }
    String reason = "Tổ chức, cá nhân rút hồ sơ trực tuyến"
        + (request != null && request.reason() != null && !request.reason().isBlank() ? ": " + request.reason().trim() : "");
    String instanceId = dossier.processInstanceId();
    if (instanceId != null && runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      // custom listeners skipped: the registry row is written here, not by end listeners of the model
      runtime.deleteProcessInstance(instanceId, reason, true, true, true, false);
    }
    Instant now = EngineClock.now();
    registry.markFinished(code, DossierStatus.WITHDRAWN, Outcome.WITHDRAWN, null, now);
    controlSlip.closeOpenEntry(code, now);
    return view(registry.get(code));
  }

  /** The result document of a returned dossier of a level-4 procedure. */
  @Transactional(readOnly = true)
  public ResultDocument result(String code, String secret) {
    verify(code, secret);
    Dossier dossier = registry.get(code);
    Procedure procedure = catalog.byCode(dossier.procedureCode());
    if (procedure.onlineLevel() < 4) {
      throw new ApiProblem(HttpStatus.CONFLICT, "result-in-person");
    }
    if (dossier.status() != DossierStatus.RETURNED) {
      throw notAllowed(dossier, "result");
    }
    return results.render(dossier);
  }

  private void verify(String code, String secret) {
    if (code == null || !DOSSIER_CODE.matcher(code).matches()) {
      throw new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found");
    }
    secrets.verify(code, secret);
  }

  private Dossier locked(String code) {
    return registry.findForUpdate(code).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "dossier-not-found"));
  }

  private DossierLookup view(Dossier d) {
    String name = catalog.findByCode(d.procedureCode()).map(Procedure::nameVi).orElse(null);
    DossierLookup.Result result = null;
    if (d.outcome() != null) {
      Timeliness timeliness = d.timeliness() == null ? null : Timeliness.valueOf(d.timeliness());
      boolean document = d.status() == DossierStatus.RETURNED
          && catalog.findByCode(d.procedureCode()).map(p -> p.onlineLevel() >= 4).orElse(false);
      result = new DossierLookup.Result(d.outcome().name(), d.outcome().label(), d.completedAt(),
          timeliness == null ? null : timeliness.name(), timeliness == null ? null : timeliness.label(),
          d.returnedAt(), document);
    }
    return new DossierLookup(d.code(), d.procedureCode(), name, StatusView.of(d.status()), d.registeredAt(),
        d.receivedAt(), d.dueAt(), result);
  }

  private Procedure onlineProcedure(String code) {
    return catalog.findByCode(code).filter(p -> p.onlineLevel() >= 3).orElseThrow(() ->
        ApiProblem.field(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-procedure", "procedureCode", code));
  }

  private static ApiProblem notAllowed(Dossier dossier, String action) {
    return new ApiProblem(HttpStatus.CONFLICT, "not-allowed-" + action, dossier.status().code(),
        dossier.status().label());
  }

  /** The request as the server understood it (canonical JSON) plus each file's name, type and checksum. */
  private String requestHash(SubmitDossierRequest request, List<NewFile> files) {
    MessageDigest digest = Sha256.digest();
    digest.update(write(request));
    for (NewFile file : files) {
      digest.update(("\n" + file.fileName() + "\n" + file.type().mediaType() + "\n" + file.sha256())
          .getBytes(StandardCharsets.UTF_8));
    }
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SubmitDossierResponse read(byte[] bytes) {
    try {
      return json.readValue(bytes, SubmitDossierResponse.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

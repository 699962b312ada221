package vn.gov.sct.onestop.sla;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The legal due date a dossier of a procedure would get if received at a given instant.
 *
 * @param clockStart when its clock would start (the next working instant)
 * @param provisional whether the date was counted on a year without its official holiday notice: it may move later
 *     (never earlier) when the notice arrives
 * @param provisionalYears those years
 */
public record DueDateView(
    String procedure,
    Instant receivedAt,
    Instant clockStart,
    BigDecimal workingDays,
    Instant dueAt,
    boolean provisional,
    List<Integer> provisionalYears,
    @Schema(example = "Hạn tính trên lịch tạm tính năm 2027; có thể lùi (không sớm hơn) khi có thông báo chính thức.")
    String note) {}

package vn.gov.sct.onestop.sla;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SLA settings ({@code onestop.sla.*}).
 *
 * @param warningLeadDays how long before a step's due date the warning timer fires, in working days (a positive
 *     multiple of 0.5; default 0.5); a step whose allotment is not longer than the lead is warned halfway through
 *     its working time instead (see {@link Deadlines#stepWarning})
 */
@ConfigurationProperties("onestop.sla")
public record SlaProperties(BigDecimal warningLeadDays) {

  public SlaProperties {
    warningLeadDays = warningLeadDays == null ? new BigDecimal("0.5") : warningLeadDays;
    if (warningLeadDays.signum() <= 0
        || warningLeadDays.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(
          "onestop.sla.warning-lead-days must be a positive multiple of 0.5, not " + warningLeadDays);
    }
  }
}

package vn.gov.sct.onestop;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, the one "now" of our code: tests and the replay move it with {@link ClockUtil}, and
 * every timestamp we write must agree with the engine's timers.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

package vn.gov.sct.onestop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.sct.onestop.EngineTestSupport;

/**
 * The replay on short periods of 2018 (no other test uses 2018): with step times inside the allotments nothing is
 * late; with slow steps some dossiers are late.
 */
class ReplaySimulationTest extends EngineTestSupport {

  @Autowired ReplaySimulation simulation;
  @Autowired StatisticsService statistics;

  @Test
  void two_weeks_of_january_2018_received_and_solved_with_none_late() {
    LocalDate from = LocalDate.of(2018, 1, 2);
    LocalDate to = LocalDate.of(2018, 1, 12);
    ReplaySimulation.Result result = simulation.run(new ReplaySimulation.Options(from, to, 150, false, 2018));

    assertThat(result.started()).isEqualTo(150);
    assertThat(result.errors()).isZero();
    StatisticsRow total = statistics.report(new Period(from, to), GroupBy.OVERALL).total();
    assertThat(total.received()).isEqualTo(150);
    assertThat(total.receivedOnline()).isPositive();
    assertThat(total.receivedCounter()).isPositive();
    assertThat(total.solvedLate()).isZero();
    assertThat(total.inProcessPastDeadline()).isZero();
    assertThat(total.solved() + total.inProcess()).isEqualTo(150);
    // every dossier is solved by the end of January, none late
    StatisticsRow month = statistics.report(new Period(from, LocalDate.of(2018, 1, 31)), GroupBy.OVERALL).total();
    assertThat(month.solved()).isEqualTo(150);
    assertThat(month.solvedLate()).isZero();
    assertThat(month.onTimeShare()).isEqualByComparingTo("1");
  }

  @Test
  void slow_steps_make_dossiers_late() {
    LocalDate from = LocalDate.of(2018, 3, 5);
    LocalDate to = LocalDate.of(2018, 3, 9);
    ReplaySimulation.Result result = simulation.run(new ReplaySimulation.Options(from, to, 40, true, 7));

    assertThat(result.errors()).isZero();
    StatisticsRow march = statistics.report(new Period(from, LocalDate.of(2018, 4, 30)), GroupBy.OVERALL).total();
    assertThat(march.received()).isEqualTo(40);
    assertThat(march.solved()).isEqualTo(40);
    assertThat(march.solvedLate()).isPositive();
  }
}

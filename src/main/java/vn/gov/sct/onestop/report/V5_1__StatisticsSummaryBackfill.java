package vn.gov.sct.onestop.report;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import vn.gov.sct.onestop.calendar.WorkingCalendar;

/**
 * Flyway migration 5.1: the statistics summary of the dossiers that existed before V5 created its tables, with
 * the same code as {@link StatisticsSummary#rebuild()}. A Spring bean (Spring Boot hands it to Flyway) because
 * local days are counted in the calendar's time zone; it runs on Flyway's connection and transaction.
 */
@Component
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the class name
public class V5_1__StatisticsSummaryBackfill extends BaseJavaMigration {

  private final WorkingCalendar calendar;

  public V5_1__StatisticsSummaryBackfill(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void migrate(Context context) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    StatisticsSummary.rebuild(jdbc, calendar.zone());
  }
}

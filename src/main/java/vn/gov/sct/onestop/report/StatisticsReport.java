package vn.gov.sct.onestop.report;

import java.time.LocalDate;
import java.util.List;

/** The period report: one row per procedure or division (or one overall row), and their total. */
public record StatisticsReport(LocalDate from, LocalDate to, GroupBy groupBy, List<StatisticsRow> rows,
    StatisticsRow total) {}

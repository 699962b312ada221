package vn.gov.sct.onestop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in our tables' {@code timestamp with time zone} columns, the same way on H2 and PostgreSQL:
 * written as UTC offsets, read back as instants; null stays null.
 */
public final class SqlTimestamps {

  private SqlTimestamps() {}

  public static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

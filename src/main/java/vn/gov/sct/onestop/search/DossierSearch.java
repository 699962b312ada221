package vn.gov.sct.onestop.search;

import static vn.gov.sct.onestop.SqlTimestamps.at;
import static vn.gov.sct.onestop.SqlTimestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.sct.onestop.calendar.Timeliness;
import vn.gov.sct.onestop.calendar.WorkingCalendar;
import vn.gov.sct.onestop.catalog.Division;
import vn.gov.sct.onestop.catalog.Procedure;
import vn.gov.sct.onestop.catalog.ProcedureCatalog;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.DossierStatus;

/**
 * Tra cứu hồ sơ: every dossier of the registry, running or finished (refused, withdrawn and returned ones too),
 * filtered, sorted and paged in SQL over the registry's indexes (V11, V12), restricted to what the signed-in user may
 * see ({@link SearchScope}). Reads only; the engine's tables are read for the scope's business keys.
 */
@Service
public class DossierSearch {

  private final NamedParameterJdbcTemplate jdbc;
  private final SearchScope scopes;
  private final ProcedureCatalog catalog;
  private final WorkingCalendar calendar;

  private final TransactionTemplate readOnly;
  private final boolean postgres;

  public DossierSearch(NamedParameterJdbcTemplate jdbc, SearchScope scopes, ProcedureCatalog catalog,
      WorkingCalendar calendar, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.scopes = scopes;
    this.catalog = catalog;
    this.calendar = calendar;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.postgres = "PostgreSQL".equals(jdbc.getJdbcTemplate().execute(
        (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
  }

  public SearchPage search(SearchCriteria criteria) {
    String sortName = criteria.sort().apiName() + (criteria.ascending() ? ",asc" : ",desc");
    SearchScope.Scope scope = scopes.current();
    if (scope.empty()) {
      return new SearchPage(List.of(), criteria.page(), criteria.size(), 0, sortName);
    }
    return readOnly.execute(transaction -> {
      if (postgres) {
        // After five runs of a prepared statement PostgreSQL may keep a generic plan, made without the values: it
        // cannot see that a name part is rare and intersects the trigram index with the period's index, 0.5 s
        // instead of 50 ms at 1,000,000 rows. A plan for the values costs a millisecond.
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
      }
      return countAndPage(criteria, scope, sortName);
    });
  }

  private SearchPage countAndPage(SearchCriteria criteria, SearchScope.Scope scope, String sortName) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String where = where(criteria, scope, params);
    long total = jdbc.queryForObject("select count(*) from dossier d" + where, params, Long.class);
    long offset = (long) criteria.page() * criteria.size();
    params.addValue("offset", offset).addValue("size", criteria.size());
    String direction = criteria.ascending() ? " asc" : " desc";
    // "nulls last" only where a column may be empty: PostgreSQL walks an index backwards for "desc" only when the
    // nulls' place matches the index's, even on a column declared not null (V12)
    SearchCriteria.Sort sort = criteria.sort();
    // a page past the last match is empty without walking every match to find that out
    List<DossierSummary> items = offset >= total ? List.of() : jdbc.query("select * from dossier d" + where
        + " order by d." + sort.column + direction + (sort.nullable ? " nulls last" : "") + ", d.code" + direction
        + " offset :offset rows fetch next :size rows only", params, this::map);
    return new SearchPage(items, criteria.page(), criteria.size(), total, sortName);
  }

  private String where(SearchCriteria c, SearchScope.Scope scope, MapSqlParameterSource params) {
    List<String> conditions = new ArrayList<>();
    if (!scope.everything()) {
      // the business keys the engine shows this user: of their tasks' process instances, of readable history
      List<String> visible = new ArrayList<>();
      if (!scope.taskProcessInstanceIds().isEmpty()) {
        visible.add("d.code in (select e.business_key_ from act_ru_execution e "
            + "where e.id_ = e.proc_inst_id_ and e.id_ in (:taskInstances))");
        params.addValue("taskInstances", scope.taskProcessInstanceIds());
      }
      if (!scope.historyKeys().isEmpty()) {
        visible.add("d.code in (select h.business_key_ from act_hi_procinst h where h.proc_def_key_ in (:historyKeys))");
        params.addValue("historyKeys", scope.historyKeys());
      }
      conditions.add("(" + String.join(" or ", visible) + ")");
    }
    if (c.code() != null) {
      conditions.add("d.code like :code escape '\\'");
      params.addValue("code", escapeLike(c.code().toUpperCase(Locale.ROOT)) + "%");
    }
    if (c.applicant() != null) {
      conditions.add("lower(d.applicant_name) like :applicant escape '\\'");
      params.addValue("applicant", "%" + escapeLike(c.applicant().toLowerCase(Locale.ROOT)) + "%");
    }
    equal(conditions, params, "applicant_id_number", "idNumber", c.idNumber());
    equal(conditions, params, "procedure_code", "procedure", c.procedure());
    equal(conditions, params, "status", "status", c.status());
    equal(conditions, params, "channel", "channel", c.channel() == null ? null : c.channel().name());
    equal(conditions, params, "division", "division", c.division());
    if (c.from() != null) {
      conditions.add("d.registered_at >= :from");
      params.addValue("from", at(c.from().atStartOfDay(calendar.zone()).toInstant()));
    }
    if (c.to() != null) {
      conditions.add("d.registered_at < :to");
      params.addValue("to", at(c.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static void equal(List<String> conditions, MapSqlParameterSource params, String column, String name,
      Object value) {
    if (value != null) {
      conditions.add("d." + column + " = :" + name);
      params.addValue(name, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private DossierSummary map(ResultSet rs, int row) throws SQLException {
    String procedure = rs.getString("procedure_code");
    String division = rs.getString("division");
    Channel channel = Channel.valueOf(rs.getString("channel"));
    DossierStatus status = DossierStatus.ofCode(rs.getInt("status"));
    String timeliness = rs.getString("timeliness");
    return new DossierSummary(rs.getString("code"), procedure,
        catalog.findByCode(procedure).map(Procedure::nameVi).orElse(procedure), division,
        catalog.divisions().stream().filter(d -> d.id().equals(division)).map(Division::name).findFirst()
            .orElse(division),
        channel.name(), channel.label(), status.code(), status.label(), rs.getString("applicant_name"),
        rs.getString("applicant_id_number"), instant(rs, "registered_at"), instant(rs, "received_at"),
        instant(rs, "due_at"), instant(rs, "completed_at"), timeliness,
        timeliness == null ? null : Timeliness.valueOf(timeliness).label(), rs.getString("process_instance_id"));
  }
}

package vn.gov.sct.onestop.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.gov.sct.onestop.dossier.Channel;
import vn.gov.sct.onestop.dossier.DossierStatus;
import vn.gov.sct.onestop.web.ApiProblem;

/**
 * What a manager searches for (tra cứu hồ sơ): every filter optional, combined with AND. {@code code} matches
 * the dossier code's beginning, {@code applicant} any part of the applicant's name (case-insensitive),
 * {@code idNumber} the applicant's ID or tax number exactly; {@code from} / {@code to} bound the day of
 * registration (both included, Asia/Ho_Chi_Minh).
 */
public record SearchCriteria(String code, String applicant, String idNumber, String procedure, Integer status,
    Channel channel, String division, LocalDate from, LocalDate to, Sort sort, boolean ascending, int page,
    int size) {

  static final int MAX_SIZE = 100;

  /** The columns a result may be sorted by, with their SQL column and whether it may be empty. */
  public enum Sort {
    REGISTERED_AT("registered_at", false),
    RECEIVED_AT("received_at", true),
    DUE_AT("due_at", true),
    COMPLETED_AT("completed_at", true),
    CODE("code", false),
    APPLICANT("applicant_name", false),
    STATUS("status", false);

    final String column;
    final boolean nullable;

    Sort(String column, boolean nullable) {
      this.column = column;
      this.nullable = nullable;
    }

    /** registeredAt, receivedAt, ... as the API names them. */
    String apiName() {
      String[] parts = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder name = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
      }
      return name.toString();
    }
  }

  /**
   * Reads the query parameters; every parameter at fault is named in one problem (400), none is silently
   * dropped.
   */
  static SearchCriteria parse(Map<String, String> params) {
    List<ApiProblem.FieldIssue> issues = new ArrayList<>();
    for (String name : params.keySet()) {
      if (!List.of("code", "applicant", "idNumber", "procedure", "status", "channel", "division", "from", "to",
          "sort", "page", "size").contains(name)) {
        issues.add(new ApiProblem.FieldIssue(name, "problem.search-invalid.unknown"));
      }
    }
    Integer status = null;
    String statusText = text(params, "status");
    if (statusText != null) {
      try {
        status = DossierStatus.ofCode(Integer.parseInt(statusText)).code();
      } catch (IllegalArgumentException e) {
        issues.add(new ApiProblem.FieldIssue("status", "problem.search-invalid.status", statusText));
      }
    }
    Channel channel = null;
    String channelText = text(params, "channel");
    if (channelText != null) {
      try {
        channel = Channel.valueOf(channelText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        issues.add(new ApiProblem.FieldIssue("channel", "problem.search-invalid.channel", channelText));
      }
    }
    LocalDate from = date(params, "from", issues);
    LocalDate to = date(params, "to", issues);
    if (from != null && to != null && to.isBefore(from)) {
      issues.add(new ApiProblem.FieldIssue("to", "problem.search-invalid.period", from, to));
    }
    Sort sort = Sort.REGISTERED_AT;
    boolean ascending = false;
    String sortText = text(params, "sort");
    if (sortText != null) {
      String[] parts = sortText.split(",", -1);
      Sort found = null;
      for (Sort s : Sort.values()) {
        if (s.apiName().equals(parts[0])) {
          found = s;
        }
      }
      String direction = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "desc";
      if (found == null || parts.length > 2 || !List.of("asc", "desc").contains(direction)) {
        issues.add(new ApiProblem.FieldIssue("sort", "problem.search-invalid.sort", sortText));
      } else {
        sort = found;
        ascending = direction.equals("asc");
      }
    }
    int page = number(params, "page", 0, 0, 100_000, issues);
    int size = number(params, "size", 20, 1, MAX_SIZE, issues);
    if (!issues.isEmpty()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "search-invalid", issues, issues.size());
    }
    return new SearchCriteria(text(params, "code"), text(params, "applicant"), text(params, "idNumber"),
        text(params, "procedure"), status, channel, text(params, "division"), from, to, sort, ascending, page, size);
  }

  private static String text(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static LocalDate date(Map<String, String> params, String name, List<ApiProblem.FieldIssue> issues) {
    String value = text(params, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      issues.add(new ApiProblem.FieldIssue(name, "problem.search-invalid.date", value));
      return null;
    }
  }

  private static int number(Map<String, String> params, String name, int fallback, int min, int max,
      List<ApiProblem.FieldIssue> issues) {
    String value = text(params, name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    issues.add(new ApiProblem.FieldIssue(name, "problem.search-invalid.range", value, min, max));
    return fallback;
  }
}

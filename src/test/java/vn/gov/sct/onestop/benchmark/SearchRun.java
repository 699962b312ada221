package vn.gov.sct.onestop.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run 6: the managers' dossier search (GET /api/v1/dossiers) over the registry of run 4: the same synthetic rows
 * (inserted here when run 4 did not run), typical searches of a manager timed over HTTP as {@code quanly}, each a
 * page of 20 with its total count. No reference: the engine's own history query has no applicant or status of ours
 * to search by.
 */
final class SearchRun {

  static final String RUN = "6 Search";

  /** What a manager looks for, as query strings: a name within a year, a day's codes, an ID number, and so on. */
  private static final Map<String, String> SEARCHES = new LinkedHashMap<>();

  static {
    SEARCHES.put("applicant name within a year", "applicant=" + encode("thử 12345") + "&from=2024-01-01&to=2024-12-31");
    SEARCHES.put("codes of one day", "code=BENCH-240612");
    SEARCHES.put("applicant ID number", "idNumber=0000012345");
    SEARCHES.put("returned dossiers of a procedure in a year, page 6",
        "status=10&procedure=promotion-registration&from=2024-01-01&to=2024-12-31&page=5");
    SEARCHES.put("a division's year, sorted by completion", "division=energy-management&from=2024-01-01"
        + "&to=2024-12-31&sort=completedAt,desc");
    SEARCHES.put("everything of a month, by applicant", "from=2024-03-01&to=2024-03-31&sort=applicant,asc");
  }

  private final Bench bench;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  SearchRun(Bench bench) {
    this.bench = bench;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  void run() throws Exception {
    Options o = bench.options;
    Integer existing = bench.jdbc.queryForObject("select count(*) from dossier where code like 'BENCH-%'",
        Integer.class);
    if (existing == null || existing < o.rows()) {
      long t = System.nanoTime();
      new StatisticsRun(bench).insertRegistry(o.rows());
      Bench.log("run 6: inserted %d dossiers in %.0f s", o.rows(), (System.nanoTime() - t) / 1e9);
    }
    // after a bulk import, as autovacuum does on a live registry within minutes: the visibility map lets the counts
    // read the indexes alone
    long t = System.nanoTime();
    bench.jdbc.execute("vacuum (analyze) dossier");
    double vacuumSeconds = (System.nanoTime() - t) / 1e9;
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    for (Map.Entry<String, String> search : SEARCHES.entrySet()) {
      for (int i = 0; i < 3; i++) {
        time(search.getValue()); // warm-up
      }
      Sample p95 = new Sample();
      long total = 0;
      for (int r = 0; r < o.repeats(); r++) {
        Sample calls = new Sample();
        for (int i = 0; i < o.statsCalls(); i++) {
          calls.add(time(search.getValue()));
        }
        p95.add(calls.percentile(95));
      }
      total = total(search.getValue());
      bench.report.lowerIsBetter(RUN, String.format("p95 ms, %s (%,d matches)", search.getKey(), total), p95, null,
          1, "well under 1 s");
    }
    bench.report.note(RUN, String.format("GET /api/v1/dossiers?<criteria>&size=20 over HTTP as the manager (HTTP "
        + "Basic; the manager's scope is every dossier), %d calls per repeat after 3 warm-up calls, over %,d synthetic "
        + "registry rows spread over 2023–2025 (run 4's rows; applicant names 'Công ty TNHH Dữ liệu Thử <n>', ID "
        + "numbers of 200,000 applicants), vacuumed and analysed first (%.0f s) as autovacuum does after an import. "
        + "Each answer is a page of 20 and the total count of matches. 1-minute load average when run 6 began: %.2f. "
        + "Criteria: %s.", o.statsCalls(), o.rows(), vacuumSeconds, load, SEARCHES));
  }

  private HttpResponse<String> call(String query) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + bench.port + "/api/v1/dossiers?" + query))
        .header("Authorization", HttpRun.basic("quanly")).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double time(String query) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = call(query);
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
    }
    return ms;
  }

  private long total(String query) throws Exception {
    String body = call(query).body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}

package vn.gov.sct.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.EngineTestSupport;

/** Mã hồ sơ under load: many clerks and applicants submitting at the same moment. */
class DossierCodeConcurrencyTest extends EngineTestSupport {

  @Test
  void two_hundred_parallel_submissions_get_two_hundred_consecutive_codes() throws Exception {
    clockAt("2026-06-01T09:00");
    int submissions = 200;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < submissions; i++) {
      String applicant = "Doanh nghiệp song song " + i;
      calls.add(() -> submit("promotionRegistration", applicant).getBusinessKey());
    }
    List<String> codes = new ArrayList<>();
    for (Future<String> future : pool.invokeAll(calls)) {
      codes.add(future.get());
    }
    pool.shutdown();

    assertThat(codes).doesNotHaveDuplicates().hasSize(submissions);
    assertThat(codes).allSatisfy(code -> assertThat(registry.find(code)).isPresent());
    List<Integer> numbers = codes.stream()
        .filter(code -> code.substring(0, code.lastIndexOf('-')).equals(codes.get(0).substring(0, codes.get(0).lastIndexOf('-'))))
        .map(code -> Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)))
        .sorted()
        .toList();
    assertThat(numbers).hasSize(submissions);
    assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(submissions - 1);
  }
}

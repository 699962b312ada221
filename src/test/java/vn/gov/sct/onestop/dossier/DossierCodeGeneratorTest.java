package vn.gov.sct.onestop.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodeGeneratorTest {

  @Test
  void code_is_agency_day_and_four_digit_sequence() {
    assertThat(DossierCodeGenerator.format("H15.50.05.13", LocalDate.of(2026, 10, 8), 975))
        .isEqualTo("H15.50.05.13-261008-0975");
    assertThat(DossierCodeGenerator.format("H15.50", LocalDate.of(2018, 1, 2), 1)).isEqualTo("H15.50-180102-0001");
  }
}

package vn.gov.sct.onestop.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormCatalogTest {

  private final FormCatalog forms = FormCatalog.fromClasspath();

  @Test
  void aPaperTakesTheFormInForceOnTheDayItIsIssued() {
    LocalDate lastDayOf2018Forms = LocalDate.of(2025, 9, 14);
    LocalDate firstDayOf2025Forms = LocalDate.of(2025, 9, 15);

    assertThat(forms.inForce(PaperKind.CONTROL_SLIP, lastDayOf2018Forms).number()).isEqualTo("05");
    assertThat(forms.inForce(PaperKind.CONTROL_SLIP, firstDayOf2025Forms).number()).isEqualTo("06");
    assertThat(forms.inForce(PaperKind.TRACKING_BOOK, lastDayOf2018Forms).number()).isEqualTo("06");
    assertThat(forms.inForce(PaperKind.TRACKING_BOOK, firstDayOf2025Forms).number()).isEqualTo("07");
    assertThat(forms.inForce(PaperKind.APOLOGY, lastDayOf2018Forms).title())
        .isEqualTo("Phiếu xin lỗi và hẹn lại ngày trả kết quả");
    assertThat(forms.inForce(PaperKind.APOLOGY, firstDayOf2025Forms).title())
        .isEqualTo("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
    assertThat(forms.inForce(PaperKind.RECEIPT, lastDayOf2018Forms).legalBasis()).contains("01/2018/TT-VPCP");
    assertThat(forms.inForce(PaperKind.RECEIPT, firstDayOf2025Forms).legalBasis())
        .contains("03/2025/TT-VPCP", "118/2025/NĐ-CP");
    assertThat(forms.inForce(PaperKind.RESULT_COPY, firstDayOf2025Forms).number()).isNull();
  }

  @Test
  void everyPrintableFormHasItsTemplateAndTheStopNoticeIsNotPrintableYet() {
    assertThat(forms.printable()).isNotEmpty().allSatisfy(f -> assertThat(PdfRenderer.templateExists(f.template()))
        .as("template of %s %s", f.edition(), f.kind()).isTrue());
    assertThatThrownBy(() -> forms.inForce(PaperKind.STOP_NOTICE, LocalDate.of(2026, 1, 5)))
        .hasMessageContaining("no printable form STOP_NOTICE");
    assertThatThrownBy(() -> forms.inForce(PaperKind.RECEIPT, LocalDate.of(2015, 1, 5)))
        .hasMessageContaining("no edition in force on 2015-01-05");
    // the 2018 dossiers (replay) get papers under Decision 09/2015/QĐ-TTg, without a form number
    assertThat(forms.inForce(PaperKind.RECEIPT, LocalDate.of(2018, 9, 12)).legalBasis()).contains("09/2015/QĐ-TTg");
    assertThat(forms.inForce(PaperKind.RECEIPT, LocalDate.of(2018, 9, 12)).number()).isNull();
  }

  @Test
  void aWrongFormsFileNamesTheEntryAtFault() {
    String yaml = """
        editions:
          - id: x
            effectiveFrom: 2026-01-01
            legalBasis: Thông tư
            forms:
              RECIEPT: { number: "01", title: Giấy, template: receipt }
        """;
    assertThatThrownBy(() -> FormCatalog.load("forms.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessage("forms.yaml: edition 'x': unknown form 'RECIEPT'");
  }
}

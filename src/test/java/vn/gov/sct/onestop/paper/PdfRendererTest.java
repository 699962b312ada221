package vn.gov.sct.onestop.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.sct.onestop.Sha256;

class PdfRendererTest {

  private final PdfRenderer renderer = new PdfRenderer(PaperSamples.PROPERTIES);

  @Test
  void theReceiptIsADeterministicPdfWithEveryFontEmbeddedAndTheDossiersFactsInVietnamese() throws IOException {
    Map<String, Object> data = PaperSamples.receipt();
    byte[] first = renderer.pdf("receipt", Papers.model(data), Instant.parse("2026-03-02T02:30:00Z"), "Giấy tiếp nhận");
    byte[] second = renderer.pdf("receipt", Papers.model(data), Instant.parse("2026-03-02T02:30:00Z"), "Giấy tiếp nhận");
    Files.createDirectories(Path.of("target/papers"));
    Files.write(Path.of("target/papers/receipt-sample.pdf"), first);

    assertThat(Sha256.hex(second)).isEqualTo(Sha256.hex(first));
    PdfChecks checks = PdfChecks.of(first);
    assertThat(checks.text()).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Công ty TNHH Thương mại Biển Xanh", "09 giờ 30 phút, ngày 06/03/2026",
        "ABCD-EFGH-JKMN-PQRS", "Mẫu số 01");
    assertThat(checks.cellText()).contains("Thể lệ chương trình khuyến mại (theo mẫu)", "Bản sao chứng thực", "Đủ chữ ký");
    checks.assertFontsEmbeddedAndNoGlyphMissing();
    checks.assertPdfA2u();
  }
}

package vn.gov.sct.onestop.paper;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the one-stop papers ({@code onestop.papers.*}): what the agency block and the receipt print.
 *
 * @param governingBody the body above the agency, first line of the agency block ("UBND THÀNH PHỐ HẢI PHÒNG")
 * @param agency the agency ("SỞ CÔNG THƯƠNG")
 * @param unit the section that issues the papers ("BỘ PHẬN MỘT CỬA")
 * @param sectionName the section in running text ("Bộ phận Một cửa Sở Công Thương thành phố Hải Phòng")
 * @param place the place in the place-and-date line ("Hải Phòng")
 * @param returnPlace where the applicant collects the result, printed on the receipt
 * @param lookupUrl the applicant's lookup page; the receipt's QR code holds it with {@code ?ma=<dossier code>}
 * @param fontDirectory optional directory holding a licensed Times New Roman (times.ttf, timesbd.ttf, timesi.ttf,
 *     timesbi.ttf); without it the bundled Liberation Serif 2 (metric-compatible, SIL OFL) is used
 */
@Validated
@ConfigurationProperties("onestop.papers")
public record PapersProperties(
    @NotBlank @DefaultValue("UBND THÀNH PHỐ HẢI PHÒNG") String governingBody,
    @NotBlank @DefaultValue("SỞ CÔNG THƯƠNG") String agency,
    @NotBlank @DefaultValue("BỘ PHẬN MỘT CỬA") String unit,
    @NotBlank @DefaultValue("Bộ phận Một cửa Sở Công Thương thành phố Hải Phòng") String sectionName,
    @NotBlank @DefaultValue("Hải Phòng") String place,
    @NotBlank @DefaultValue("Bộ phận Một cửa Sở Công Thương") String returnPlace,
    @NotBlank @DefaultValue("http://localhost:8080/dich-vu-cong/tra-cuu") String lookupUrl,
    String fontDirectory) {}

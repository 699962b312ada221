package vn.gov.sct.onestop.attachment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of uploaded documents ({@code onestop.attachments.*}). Keep {@code spring.servlet.multipart.*}
 * a little above these, so that our check, which names the file, answers first.
 *
 * @param maxFileSize largest single file
 * @param maxTotalSize all files of one dossier together, supplements included
 * @param maxFiles files in one request
 */
@Validated
@ConfigurationProperties("onestop.attachments")
public record AttachmentProperties(
    @NotNull @DefaultValue("10MB") DataSize maxFileSize,
    @NotNull @DefaultValue("30MB") DataSize maxTotalSize,
    @Min(1) @Max(100) @DefaultValue("20") int maxFiles) {}

package vn.gov.sct.onestop.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs, shown at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI onestopOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Một cửa Sở Công Thương - API").version("v1")
            .description("Dịch vụ công trực tuyến (/api/v1/public, không cần tài khoản) và API cho cán bộ "
                + "(/api/v1, HTTP Basic). Lỗi theo RFC 9457 (application/problem+json), tiếng Việt hoặc tiếng Anh "
                + "theo Accept-Language."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}

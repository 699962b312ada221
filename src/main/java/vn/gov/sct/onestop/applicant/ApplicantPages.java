package vn.gov.sct.onestop.applicant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Trang dịch vụ công của Sở: the applicant's pages under {@value #ROOT}, static HTML, CSS and small scripts
 * that call the public API ({@code /api/v1/public/**}) and nothing else. Public, without a session; a strict
 * Content-Security-Policy (our own scripts and styles only, no inline code, no other origin) and no Referer, so
 * that a dossier code in the lookup page's address ({@code tra-cuu?ma=CODE}, from the receipt's QR code) is not
 * sent anywhere. The lookup secret never appears in an address: the page sends it in the Dossier-Secret header.
 */
@Configuration(proxyBeanMethods = false)
public class ApplicantPages implements WebMvcConfigurer {

  public static final String ROOT = "/dich-vu-cong";

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** Before the API's chain, which takes every other path; disjoint from the web apps' chain. */
  @Bean
  @Order(1)
  SecurityFilterChain applicantPagesChain(HttpSecurity http) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(ROOT + "/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // pages only; the API they call has no cookie to ride on
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /** Short Vietnamese addresses; the lookup one is printed on every receipt (onestop.papers.lookup-url). */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController(ROOT, ROOT + "/");
    registry.addViewController(ROOT + "/").setViewName("forward:" + ROOT + "/index.html");
    registry.addViewController(ROOT + "/tra-cuu").setViewName("forward:" + ROOT + "/tra-cuu.html");
    registry.addViewController(ROOT + "/nop-ho-so").setViewName("forward:" + ROOT + "/nop-ho-so.html");
  }
}

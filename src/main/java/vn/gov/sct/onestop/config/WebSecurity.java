package vn.gov.sct.onestop.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import javax.sql.DataSource;
import vn.gov.sct.onestop.online.ClientBuckets;
import vn.gov.sct.onestop.online.LocalBuckets;
import vn.gov.sct.onestop.online.OnlineProperties;
import vn.gov.sct.onestop.online.RateLimitFilter;
import vn.gov.sct.onestop.online.SharedBuckets;
import vn.gov.sct.onestop.web.ApiProblem;
import vn.gov.sct.onestop.web.DatabaseUnavailable;
import vn.gov.sct.onestop.web.DatabaseUnavailableFilter;
import vn.gov.sct.onestop.web.StoppingNodeFilter;
import vn.gov.sct.onestop.web.Problems;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /camunda/**}: the web apps (Tasklist, Cockpit, Admin) keep their own session sign-in, CSRF
 *       protection and security headers; Spring Security lets them through untouched.
 *   <li>{@code /api/v1/public/**}: citizens, no account, rate limited per client address.
 *   <li>{@code /api/v1/**}, {@code /engine-rest/**}, {@code /actuator/**} except health: staff, HTTP Basic
 *       against the engine's identity service ({@link vn.gov.sct.onestop.identity.EngineIdentityAuthenticationProvider});
 *       the engine then applies the user's authorizations ({@link EngineAuthenticationFilter}). Stateless, so
 *       no session cookie and no CSRF token; only reading {@code /api/v1} may also use the web apps' login
 *       ({@link WebAppSessionAuthentication}), for the Cockpit dashboard.
 *   <li>The OpenAPI description and its page are public: they describe a public API.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    // a path matcher on the whole path: /camunda/api/* is Camunda's Jersey servlet, not Spring MVC's
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable()) // Camunda's CsrfPreventionFilter protects these paths
        .headers(headers -> headers.disable()) // Camunda's HttpHeaderSecurityFilter sets them
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, IdentityService identity, Problems problems) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, e) -> {
      if (e instanceof AuthenticationServiceException) { // the sign-in could not be checked (database down)
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        write(problems, request, response, DatabaseUnavailable.problem());
        return;
      }
      if (!fromPageScript(request)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"onestop\", charset=\"UTF-8\"");
      }
      write(problems, request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized"));
    };
    AccessDeniedHandler forbidden = (request, response, e) ->
        write(problems, request, response, new ApiProblem(HttpStatus.FORBIDDEN, "forbidden"));
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/v1/public/**").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/", "/error", "/favicon.ico").permitAll()
            // the chart library of the Cockpit dashboard (a public file of a webjar)
            .requestMatchers("/webjars/chart.js/**").permitAll()
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("onestop").authenticationEntryPoint(unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .csrf(csrf -> csrf.disable()) // stateless HTTP Basic and public endpoints: no cookie to ride on
        // Stateless, and the web apps' session that WebAppSessionAuthentication reads keeps its id: the default
        // fixation protection would change it on every dashboard read and sign the user out of Cockpit.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(fixation -> fixation.none()))
        .addFilterBefore(new WebAppSessionAuthentication(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
    return http.build();
  }

  /** A request the firewall refuses (a path with "..", an encoded slash ...) is a 400 problem too. */
  @Bean
  RequestRejectedHandler requestRejectedHandler(Problems problems) {
    return (request, response, e) -> write(problems, request, response, new ApiProblem(HttpStatus.BAD_REQUEST, "http.400"));
  }

  /**
   * First of all filters: whatever leaves the chain because the database cannot be reached is a 503 problem, also
   * from the filters that run before any handler of ours (the web apps' authentication, Spring Security's).
   */
  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(Problems problems) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
        new DatabaseUnavailableFilter(problems));
    registration.setName("database-unavailable");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // after the character encoding filter
    return registration;
  }

  /** A stopping node closes the connections it answers on (a bean: it listens for the context's close). */
  @Bean
  StoppingNodeFilter stoppingNodeFilter() {
    return new StoppingNodeFilter();
  }

  @Bean
  FilterRegistrationBean<StoppingNodeFilter> stoppingNode(StoppingNodeFilter filter) {
    FilterRegistrationBean<StoppingNodeFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("stopping-node");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  /** Before Spring Security, so a flood is stopped before any work (and before password checks). */
  @Bean
  FilterRegistrationBean<RateLimitFilter> publicRateLimit(OnlineProperties properties, Problems problems,
      DataSource dataSource) {
    OnlineProperties.RateLimit limit = properties.rateLimit();
    ClientBuckets buckets = limit.store() == OnlineProperties.Store.DATABASE
        ? new SharedBuckets(dataSource, limit) : new LocalBuckets(limit, System::nanoTime);
    FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
        new RateLimitFilter(limit, problems, buckets));
    registration.setName("public-rate-limit");
    registration.addUrlPatterns("/api/v1/public/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  /** After Spring Security: anonymous callers get 401 first; signed-in ones cannot send expressions. */
  @Bean
  FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard(Problems problems, ObjectMapper json) {
    FilterRegistrationBean<ExpressionQueryGuard> registration = new FilterRegistrationBean<>(
        new ExpressionQueryGuard(problems, json));
    registration.setName("expression-query-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }

  /**
   * A fetch or XMLHttpRequest of a page (the Cockpit dashboard, the web apps' probes): it gets the 401 problem
   * without a Basic challenge, which would make the browser open its own password dialog over the page (and in
   * a headless browser, wait for it for ever).
   */
  static boolean fromPageScript(HttpServletRequest request) {
    return "empty".equals(request.getHeader("Sec-Fetch-Dest"))
        || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  private static void write(Problems problems, HttpServletRequest request, HttpServletResponse response,
      ApiProblem problem) throws IOException {
    problems.write(request, response, problem);
  }
}

package vn.gov.sct.onestop.benchmark;

import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * Benchmark reference for start-up and memory: the Camunda Spring Boot starters (engine, web apps, REST) with the
 * application's configuration files but none of its code, none of its tables (no Flyway) and no Spring Security
 * (the web apps keep their own sign-in, as in the application). Deliberately only {@code @EnableAutoConfiguration}:
 * no {@code @Configuration} or component scan, so the application's own component scan (and the tests') never
 * picks this class up.
 */
@EnableAutoConfiguration(exclude = {FlywayAutoConfiguration.class, SecurityAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
public class BareCamundaApplication {}

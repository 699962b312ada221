package vn.gov.sct.onestop.benchmark;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;

/**
 * Benchmark reference for start-up and memory: the Camunda Spring Boot starters (engine, web apps, REST) with the
 * application's configuration files but none of its code and none of its tables. Deliberately only
 * {@code @EnableAutoConfiguration}: no {@code @Configuration} or component scan, so the application's own component
 * scan (and the tests') never picks this class up.
 */
@EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
public class BareCamundaApplication {}

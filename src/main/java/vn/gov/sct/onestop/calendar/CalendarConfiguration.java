package vn.gov.sct.onestop.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one {@link WorkingCalendar} of the application from the properties and year files. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

  @Bean
  public WorkingCalendar workingCalendar(CalendarProperties properties) {
    CalendarDataLoader loader = new CalendarDataLoader(properties.dataDir());
    return new WorkingCalendar(properties.zone(), properties.sessions(), loader.load().values(),
        new StatutoryCalendar(properties.tetFirstDay()));
  }
}

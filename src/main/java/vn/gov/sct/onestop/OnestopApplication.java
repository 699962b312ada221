package vn.gov.sct.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One-stop procedure processing of a Department of Industry and Trade (Sở Công Thương). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnestopApplication {

  public static void main(String[] args) {
    SpringApplication.run(OnestopApplication.class, args);
  }
}

package vn.gov.sct.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.gov.sct.onestop.outbox.ReconcileCommand;

/** One-stop procedure processing of a Department of Industry and Trade (Sở Công Thương). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnestopApplication {

  public static void main(String[] args) {
    if (ReconcileCommand.requested(args)) {
      // an operator's command, not a node (README "Notifications and the portal sync")
      System.exit(ReconcileCommand.launch(OnestopApplication.class, args));
    }
    SpringApplication.run(OnestopApplication.class, args);
  }
}

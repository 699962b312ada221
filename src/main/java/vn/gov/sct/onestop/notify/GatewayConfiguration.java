package vn.gov.sct.onestop.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.sct.onestop.outbox.OutboxChannel;

/** The SMS and Zalo senders: one adapter, two configurations. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean
  GatewaySender smsSender(NotificationProperties properties, ObjectMapper json) {
    return new GatewaySender(OutboxChannel.SMS, properties.sms(), json);
  }

  @Bean
  GatewaySender zaloSender(NotificationProperties properties, ObjectMapper json) {
    return new GatewaySender(OutboxChannel.ZALO, properties.zalo(), json);
  }
}

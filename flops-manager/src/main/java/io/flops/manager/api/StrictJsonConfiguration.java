package io.flops.manager.api;

import io.flops.common.sla.SlaJson;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API reads JSON strictly: unknown fields and coerced values are refused (see SlaJson). */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictSlaJson() {
    return builder -> builder.postConfigurer(SlaJson::strict);
  }
}

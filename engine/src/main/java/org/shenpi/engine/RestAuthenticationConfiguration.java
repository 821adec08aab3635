package org.shenpi.engine;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API is open by default in the starter; shenpi requires HTTP Basic on every call, so
 * the engine's authorizations apply to the caller (the 工作台 acts as its user:
 * ActingUserAuthenticationProvider). YAML cannot register a servlet filter.
 */
@Configuration
public class RestAuthenticationConfiguration {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("shenpi-rest-authentication");
    registration.addInitParameter("authentication-provider", ActingUserAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}

package org.shenpi.engine;

import java.time.Clock;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers WebappSingleSignOnFilter on the web apps' pages, before Camunda's own filters (its
 * Authentication Filter and Security Filter are added by the starter's webapp initializer, which
 * comes after every ordered registration). The page filter of WebappPageNoCacheConfiguration
 * (HIGHEST_PRECEDENCE) stays outermost. Without SHENPI_ENGINE_SSO_SECRET (an engine started by
 * hand) there is no single sign-on, only Camunda's login form. Used nonces are kept in the
 * engine's database, shared by the nodes of a cluster (JdbcNonceStore).
 */
@Configuration
@ConditionalOnExpression("!'${shenpi.sso-secret:}'.isEmpty()")
public class WebappSingleSignOnConfiguration {

  @Bean
  public FilterRegistrationBean<WebappSingleSignOnFilter> webappSingleSignOnFilter(ProcessEngine engine, @Value("${shenpi.sso-secret}") String secret,
      DataSource dataSource, @Value("${camunda.bpm.database.schema-name:camunda}") String schema) {
    FilterRegistrationBean<WebappSingleSignOnFilter> registration =
        new FilterRegistrationBean<>(new WebappSingleSignOnFilter(engine, secret, Clock.systemUTC(), new JdbcNonceStore(dataSource, schema)));
    registration.setName("shenpi-webapp-single-sign-on");
    registration.addUrlPatterns("/camunda/app/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}

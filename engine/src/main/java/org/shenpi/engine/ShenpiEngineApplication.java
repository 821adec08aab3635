package org.shenpi.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Camunda 7 engine with REST API and web apps; everything else is application.yaml. */
@SpringBootApplication
public class ShenpiEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShenpiEngineApplication.class, args);
  }
}

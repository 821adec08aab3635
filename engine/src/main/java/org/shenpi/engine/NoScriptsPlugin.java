package org.shenpi.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Deployments are code: a BPMN with a script task, a camunda:script (listener, input/output) or
 * a scripted condition is refused at deployment, so no script can run inside the engine. The
 * engine has no switch for this, hence a parse listener. Expressions, classes, DMN languages and
 * forms of a new deployment are checked by the {@link DeploymentGuard} registered here too.
 */
@Component
public class NoScriptsPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "shenpi: 不允许脚本 (script not allowed) in %s '%s': deployments are code; use an external task (camunda:type=\"external\") instead";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers();
    if (deployers == null) {
      deployers = new ArrayList<>();
      configuration.setCustomPreDeployers(deployers);
    }
    deployers.add(new DeploymentGuard());
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
        refuseScripts(rootElement);
      }
    });
  }

  static void refuseScripts(Element element) {
    String tag = element.getTagName();
    boolean scripted = "scriptTask".equals(tag)
        || "script".equals(tag)
        || ("conditionExpression".equals(tag) && element.attribute("language") != null)
        || ("condition".equals(tag) && element.attribute("language") != null);
    if (scripted) {
      throw new ProcessEngineException(String.format(REFUSAL, tag, element.attribute("id", "?")));
    }
    for (Element child : element.elements()) {
      refuseScripts(child);
    }
  }
}

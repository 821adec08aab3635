package org.shenpi.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Rules a form cannot enforce once a task is completed over REST: a refusal or a denial must
 * give its reason. Used from BPMN as a complete listener expression, e.g.
 * {@code ${shenpiRules.requireWhen(task, 'decision', 'deny', 'decisionReason', '不予许可必须说明理由')}};
 * the completion is refused (HTTP 400) and nothing is written.
 */
@Component("shenpiRules")
public class TaskRules {

  public void requireWhen(DelegateTask task, String choiceVariable, String choice, String requiredVariable, String message) {
    Object chosen = task.getVariable(choiceVariable);
    if (!choice.equals(chosen)) {
      return;
    }
    Object value = task.getVariable(requiredVariable);
    if (value == null || value.toString().isBlank()) {
      throw new FormFieldValidationException(requiredVariable, message + " (" + requiredVariable + ")");
    }
  }
}

package org.shenpi.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A rule a form cannot enforce once a task is completed over REST: a refusal or a denial must
 * give its reason. Attached in BPMN as a complete listener with four fields, e.g.
 * choiceVariable=decision, choice=deny, requiredVariable=decisionReason, message=不予许可必须说明理由.
 * The completion is refused (HTTP 400, the message names the variable) and nothing is written.
 */
public class RequireReasonListener implements TaskListener {

  private Expression choiceVariable;
  private Expression choice;
  private Expression requiredVariable;
  private Expression message;

  @Override
  public void notify(DelegateTask task) {
    Object chosen = task.getVariable(text(choiceVariable, task));
    if (!text(choice, task).equals(chosen)) {
      return;
    }
    String required = text(requiredVariable, task);
    Object value = task.getVariable(required);
    if (value == null || value.toString().isBlank()) {
      throw new FormFieldValidationException(required, text(message, task) + " (" + required + ")");
    }
  }

  private static String text(Expression expression, DelegateTask task) {
    return String.valueOf(expression.getValue(task));
  }

  public void setChoiceVariable(Expression choiceVariable) { this.choiceVariable = choiceVariable; }
  public void setChoice(Expression choice) { this.choice = choice; }
  public void setRequiredVariable(Expression requiredVariable) { this.requiredVariable = requiredVariable; }
  public void setMessage(Expression message) { this.message = message; }
}

package org.shenpi.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * An opinion that binds a later step: after 法制审核 不同意 the decision may send the case back
 * to review or deny it, never grant it. Attached in BPMN as a complete listener of the bound
 * task with five fields, e.g. opinionVariable=legalReviewOpinion, opinion=不同意,
 * choiceVariable=decision, refusedChoice=grant, message=法制审核不同意的, 不得准予.
 */
public class BindingOpinionListener implements TaskListener {

  private Expression opinionVariable;
  private Expression opinion;
  private Expression choiceVariable;
  private Expression refusedChoice;
  private Expression message;

  @Override
  public void notify(DelegateTask task) {
    if (!text(opinion, task).equals(task.getVariable(text(opinionVariable, task)))) {
      return;
    }
    String choice = text(choiceVariable, task);
    if (text(refusedChoice, task).equals(task.getVariable(choice))) {
      throw new FormFieldValidationException(choice, text(message, task) + " (" + choice + ")");
    }
  }

  private static String text(Expression expression, DelegateTask task) {
    return String.valueOf(expression.getValue(task));
  }

  public void setOpinionVariable(Expression opinionVariable) { this.opinionVariable = opinionVariable; }
  public void setOpinion(Expression opinion) { this.opinion = opinion; }
  public void setChoiceVariable(Expression choiceVariable) { this.choiceVariable = choiceVariable; }
  public void setRefusedChoice(Expression refusedChoice) { this.refusedChoice = refusedChoice; }
  public void setMessage(Expression message) { this.message = message; }
}

package org.shenpi.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * 审查与决定分离: whoever completed 审查 of a case does not complete its 决定. Attached as a
 * complete listener of both tasks with the field `role`: on `record` (审查) the clerk who
 * completes is kept in the case variable `reviewedBy`; on `check` (决定) the same clerk is
 * refused, unless the item's catalogue entry allows it (case variable `reviewerMayDecide`,
 * set from the catalogue by the application check).
 */
public class SeparationOfDutiesListener implements TaskListener {

  static final String REVIEWED_BY = "reviewedBy";

  private Expression role;

  @Override
  public void notify(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = authentication == null ? null : authentication.getUserId();
    if ("record".equals(String.valueOf(role.getValue(task)))) {
      task.getExecution().setVariable(REVIEWED_BY, user);
      return;
    }
    if (user != null && refuses(task, user)) {
      throw new FormFieldValidationException(REVIEWED_BY, "审查与决定分离: " + user + " 已审查本办件, 不得再作出决定, 请由本科室其他人员决定 (reviewedBy)");
    }
  }

  /** The rule of `check`: the clerk who reviewed may not decide, unless the catalogue allows it. */
  static boolean refuses(DelegateTask task, String user) {
    return !Boolean.TRUE.equals(task.getVariable("reviewerMayDecide")) && user.equals(task.getVariable(REVIEWED_BY));
  }

  public void setRole(Expression role) { this.role = role; }
}

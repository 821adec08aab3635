package org.shenpi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.ClassDelegateTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FieldDeclaration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.FixedValue;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * A case stays with the clerk who has it (issue 18): when a human task is created, unassigned,
 * for a section whose member did the case's step just before, it goes to that clerk's 我的待办
 * instead of back to 本科室待办, unless a rule needs another person (审查与决定分离: the
 * {@link SeparationOfDutiesListener} of the new task would refuse them). The clerk before is the
 * person whose act created the task; when a worker or a timer created it, the assignee of the
 * case's last finished human task. Every user task of every deployed process gets the listener,
 * modelled by the generators or in the modeler alike.
 */
@Component
public class StickyAssigneePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, new Listener(configuration));
      }
    });
  }

  static final class Listener implements TaskListener {
    private final ProcessEngineConfigurationImpl configuration;

    Listener(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void notify(DelegateTask task) {
      if (task.getAssignee() != null) return;
      Set<String> groups = task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).collect(Collectors.toSet());
      if (groups.isEmpty()) return;
      CommandContext context = Context.getCommandContext();
      context.disableAuthorizationCheck();
      try {
        for (String clerk : new String[] { sameStepBefore(task), clerkBefore(task) }) {
          if (clerk == null || !memberOfAny(context, clerk, groups)) continue;
          if (!separated(task, clerk)) task.setAssignee(clerk);
          return;
        }
      } finally {
        context.enableAuthorizationCheck();
      }
    }

    /** A step done again (退回重审): the clerk who did it the last time. */
    private String sameStepBefore(DelegateTask task) {
      String businessKey = task.getExecution().getProcessBusinessKey();
      return businessKey == null ? null : lastAssignee(configuration.getHistoryService().createHistoricTaskInstanceQuery()
          .processInstanceBusinessKey(businessKey).taskDefinitionKey(task.getTaskDefinitionKey()));
    }

    /** The person whose act created the task, else the assignee of the case's last finished human task. */
    private String clerkBefore(DelegateTask task) {
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      if (authentication != null && authentication.getUserId() != null && isPerson(authentication)) return authentication.getUserId();
      String businessKey = task.getExecution().getProcessBusinessKey();
      return businessKey == null ? null : lastAssignee(configuration.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey));
    }

    /** Who did the last of these tasks: its assignee, or (completed without a claim) the audit log's completer. */
    private String lastAssignee(HistoricTaskInstanceQuery query) {
      List<HistoricTaskInstance> last = query.finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
      if (last.isEmpty()) return null;
      if (last.get(0).getAssignee() != null) return last.get(0).getAssignee();
      List<UserOperationLogEntry> completed = configuration.getHistoryService().createUserOperationLogQuery()
          .taskId(last.get(0).getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).listPage(0, 1);
      return completed.isEmpty() ? null : completed.get(0).getUserId();
    }

    private boolean isPerson(Authentication authentication) {
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
      List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
      return !groups.contains(CaseGuardPlugin.SERVICE_GROUP) && !adminUsers.contains(authentication.getUserId())
          && groups.stream().noneMatch(adminGroups::contains);
    }

    private static boolean memberOfAny(CommandContext context, String user, Set<String> groups) {
      return context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(user).list().stream()
          .anyMatch(group -> groups.contains(group.getId()));
    }

    /** Would the task's own 审查与决定分离 rule refuse this clerk? */
    private static boolean separated(DelegateTask task, String clerk) {
      for (TaskListener listener : ((TaskEntity) task).getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)) {
        if (!(listener instanceof ClassDelegateTaskListener delegate) || !SeparationOfDutiesListener.class.getName().equals(delegate.getClassName())) continue;
        for (FieldDeclaration field : delegate.getFieldDeclarations()) {
          if ("role".equals(field.getName()) && field.getValue() instanceof FixedValue role && "check".equals(String.valueOf(role.getValue(null)))
              && SeparationOfDutiesListener.refuses(task, clerk)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}

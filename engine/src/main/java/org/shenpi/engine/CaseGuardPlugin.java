package org.shenpi.engine;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.shenpi.engine.FormContract.Submission;
import org.springframework.stereotype.Component;

/**
 * Nobody approves around the rules (issue 14). Every command the engine runs for a caller
 * passes here first, whatever API it came from (REST, Tasklist, Cockpit):
 * <ul>
 * <li>a person (not an engine administrator, not the shenpi service account) completes,
 * resolves or submits a task with exactly its form's fields ({@link FormContract}), starts a
 * case with its start form's fields only, never writes variables outside a form, never touches
 * identity links, and hands a task (转办, 委派) only to members of its own candidate groups;</li>
 * <li>moving a case (start instructions, modification, migration, restart), job and timer
 * changes, deleting cases, deployments or history: engine administrators only (the service
 * account may delete the case it has just started, as the rollback of a failed intake).</li>
 * </ul>
 * Commands the engine runs on its own (job executor, nested commands) are not checked.
 */
@Component
public class CaseGuardPlugin extends AbstractProcessEnginePlugin {

  static final String SERVICE_GROUP = "shenpiServices";

  /** Commands that move a case, change its timers or erase it or its history. */
  static final Set<String> ADMIN_ONLY = Set.of(
      "StartProcessInstanceAtActivitiesCmd", "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
      "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd", "MigrateProcessInstanceCmd",
      "MigrateProcessInstanceBatchCmd", "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd",
      "SetJobDuedateCmd", "RecalculateJobDuedateCmd", "ExecuteJobsCmd", "DeleteJobCmd",
      "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd",
      "DeleteHistoricProcessInstancesCmd", "DeleteHistoricProcessInstancesBatchCmd", "DeleteHistoricProcessInstancesBulkCmd",
      "DeleteHistoricVariableInstanceCmd", "DeleteHistoricVariableInstancesByProcessInstanceIdCmd",
      "DeleteHistoricTaskInstanceCmd", "DeleteUserOperationLogEntryCmd", "DeleteHistoricDecisionInstancesBulkCmd",
      "DeleteHistoricDecisionInstancesBatchCmd", "DeleteHistoricDecisionInstanceByInstanceIdCmd",
      "DeleteHistoricDecisionInstanceByDefinitionIdCmd", "SetRemovalTimeToHistoricProcessInstancesCmd",
      "SetRemovalTimeToHistoricDecisionInstancesCmd", "SetRemovalTimeToHistoricBatchesCmd",
      "DeleteDeploymentCmd", "DeleteProcessDefinitionsByIdsCmd", "DeleteProcessDefinitionsByKeyCmd",
      "SetVariablesToProcessInstancesBatchCmd", "DeleteTaskCommentCmd", "DeleteProcessInstanceCommentCmd",
      "UpdateCommentCmd");

  /** Of those, what the service account does: the rollback of a case it could not record. */
  static final Set<String> SERVICE_MAY = Set.of("DeleteProcessInstanceCmd");

  /** Variable writes, messages, external tasks and deployments: never a person's own act. */
  static final Set<String> NOT_FOR_PEOPLE = Set.of(
      "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd",
      "SetExecutionVariablesCmd", "PatchExecutionVariablesCmd", "RemoveExecutionVariablesCmd",
      "CorrelateMessageCmd", "CorrelateAllMessageCmd", "MessageEventReceivedCmd", "SignalCmd", "SignalEventReceivedCmd",
      "CompleteExternalTaskCmd", "HandleExternalTaskFailureCmd", "HandleExternalTaskBpmnErrorCmd",
      "AddUserIdentityLinkCmd", "AddGroupIdentityLinkCmd", "DeleteUserIdentityLinkCmd", "DeleteGroupIdentityLinkCmd",
      "SetTaskOwnerCmd", "DeployCmd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new Guard(configuration));
  }

  enum Caller { ENGINE, ADMIN, SERVICE, PERSON }

  static final class Guard extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // a nested command runs inside one already checked; the engine's own threads have no caller
      boolean outermost = Context.getCommandContext() == null;
      if (outermost) guard(command);
      try {
        return next.execute(command);
      } catch (TaskAlreadyClaimedException claimed) {
        // a second claim is the caller's mistake, not the engine's fault (REST would answer 500)
        throw new BadUserRequestException("shenpi: 该任务已由 " + claimed.getTaskAssignee() + " 认领, 不能再次认领 (assignee)", claimed);
      } catch (ProcessEngineException failure) {
        // a rule of a task listener (a missing reason, 审查与决定分离, binding 法制审核) reaches the
        // caller wrapped as "exception while invoking TaskListener", which REST answers with 500:
        // give it back as the refusal it is (400 naming the field); the transaction is rolled back
        FormFieldValidationException refusal = outermost ? refusalIn(failure) : null;
        throw refusal != null ? refusal : failure;
      }
    }

    private static FormFieldValidationException refusalIn(Throwable failure) {
      for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        if (cause instanceof FormFieldValidationException refusal) return refusal;
      }
      return null;
    }

    private Caller caller(Authentication authentication) {
      if (authentication == null || authentication.getUserId() == null) return Caller.ENGINE;
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
      List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
      if (adminUsers.contains(authentication.getUserId()) || groups.stream().anyMatch(adminGroups::contains)) return Caller.ADMIN;
      return groups.contains(SERVICE_GROUP) ? Caller.SERVICE : Caller.PERSON;
    }

    private void guard(Command<?> command) {
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      Caller caller = caller(authentication);
      if (caller == Caller.ENGINE || caller == Caller.ADMIN) return;
      String name = command.getClass().getSimpleName();
      if (ADMIN_ONLY.contains(name) && !(caller == Caller.SERVICE && SERVICE_MAY.contains(name))) {
        throw new AuthorizationException("shenpi: 只有引擎管理员 (camunda-admin) 可以执行 " + name
            + ": 办件只能从开始事件启动、按流程流转, 办件、部署和历史 (留痕) 不得删改; 确需处置的由管理员执行并在操作日志中注明理由");
      }
      if (caller == Caller.SERVICE) return;
      if (NOT_FOR_PEOPLE.contains(name)) {
        throw new AuthorizationException("shenpi: 工作人员不得执行 " + name
            + ": 流程变量只能随本环节表单提交写入, 经办人只能转办或委派给本科室人员, 部署只能经建模服务 (/api/modeler) 完成");
      }
      switch (name) {
        case "CompleteTaskCmd" -> checkTask(field(command, "taskId"), field(command, "variables"), Submission.COMPLETE);
        case "ResolveTaskCmd" -> {
          try {
            checkTask(field(command, "taskId"), field(command, "variables"), Submission.RESOLVE);
          } catch (FormFieldValidationException refused) {
            // the resolve endpoint answers a form refusal with 500: as a person's act it is a missing permission (403)
            throw new AuthorizationException(refused.getMessage());
          }
        }
        case "SubmitTaskFormCmd" -> checkTask(field(command, "taskId"), field(command, "properties"), Submission.COMPLETE);
        case "StartProcessInstanceCmd" -> {
          ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
          checkStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getBusinessKey(), builder.getVariables(), false);
        }
        case "SubmitStartFormCmd" -> checkStart(field(command, "processDefinitionId"), null, field(command, "businessKey"), field(command, "variables"), true);
        case "AssignTaskCmd", "DelegateTaskCmd", "ClaimTaskCmd" -> checkHandOver(field(command, "taskId"), field(command, "userId"));
        case "SaveTaskCmd" -> checkSave(field(command, "task"));
        default -> { }
      }
    }

    /** Runs a read with the engine's authorization checks off (the caller's own check follows). */
    private <T> T read(Command<T> read) {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try {
          return read.execute(context);
        } finally {
          context.enableAuthorizationCheck();
        }
      });
    }

    /** The caller is the task's assignee or owner, or a candidate (in person or by group). */
    private static boolean worksOn(TaskEntity task, Authentication authentication) {
      String user = authentication.getUserId();
      List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
      return user.equals(task.getAssignee()) || user.equals(task.getOwner()) || task.getIdentityLinks().stream()
          .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && (user.equals(link.getUserId()) || groups.contains(link.getGroupId())));
    }

    private void checkTask(String taskId, Map<String, ?> submitted, Submission submission) {
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      Map<String, ?> variables = submitted == null ? Map.of() : submitted;
      read(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        // a task that does not exist (or is done) looks to a person like one of another section: refused
        // without data; the engine itself would answer a completion of it with 500
        if (task == null) throw new AuthorizationException("shenpi: 任务 " + taskId + " 不存在或已办结, 不能办理");
        if (!worksOn(task, authentication)) {
          // whatever else a grant may say, a person works only on their own or their section's tasks
          throw new AuthorizationException("shenpi: " + authentication.getUserId() + " 不是该任务的经办人或候选科室成员, 不能办理");
        }
        Map<String, Object> current = new HashMap<>();
        task.getVariables().forEach((key, value) -> current.put(key, FormContract.plain(value)));
        taskForm(context, taskId).check(variables, current, submission);
        return null;
      });
    }

    private static FormContract taskForm(CommandContext context, String taskId) {
      InputStream form;
      try {
        form = new GetDeployedTaskFormCmd(taskId).execute(context);
      } catch (ProcessEngineException noForm) {
        return FormContract.none();
      }
      return parse(form);
    }

    private static FormContract parse(InputStream form) {
      try (InputStream in = form) {
        return FormContract.parse(in);
      } catch (java.io.IOException unreadable) {
        throw new ProcessEngineException("shenpi: 表单无法读取: " + unreadable.getMessage(), unreadable);
      }
    }

    private void checkStart(String definitionId, String definitionKey, String businessKey, Map<String, ?> submitted, boolean viaForm) {
      Map<String, ?> variables = submitted == null ? Map.of() : submitted;
      read(context -> {
        // a new case never takes over the key (受理编号) of another: its record, documents and licence are that case's
        if (businessKey != null && context.getProcessEngineConfiguration().getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey).count() > 0) {
          throw new AuthorizationException("shenpi: 业务标识 (受理编号) " + businessKey + " 已属于另一办件, 新办件不得使用 (businessKey)");
        }
        String id = definitionId;
        if (id == null) {
          ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache().findDeployedLatestProcessDefinitionByKey(definitionKey);
          id = latest.getId();
        }
        InputStream form;
        try {
          form = new GetDeployedStartFormCmd(id).execute(context);
        } catch (ProcessEngineException noForm) {
          // a building block runs only called by an item, a service process only from the web server
          throw new AuthorizationException("shenpi: 流程 " + id + " 没有开始表单, 工作人员不能直接启动");
        }
        try {
          parse(form).check(variables, Map.of(), Submission.START);
        } catch (FormFieldValidationException refused) {
          // POST /start (unlike submit-form) answers a form refusal with 500: it is a permission a person lacks
          if (!viaForm) throw new AuthorizationException(refused.getMessage());
          throw refused;
        }
        return null;
      });
    }

    /** 转办 / 委派 / 认领: only to a member of one of the task's own candidate groups. */
    private void checkHandOver(String taskId, String to) {
      if (to == null) return; // 退回本科室待办 (unclaim)
      read(context -> {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) return null;
        Set<String> candidates = task.getIdentityLinks().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(link -> link.getGroupId()).collect(Collectors.toSet());
        List<Group> groups = context.getReadOnlyIdentityProvider().createGroupQuery().groupMember(to).list();
        if (groups.stream().noneMatch(group -> candidates.contains(group.getId()))) {
          throw new AuthorizationException("shenpi: 任务「" + task.getName() + "」只能转办、委派或分配给本环节科室 "
              + candidates + " 的人员, 「" + to + "」不是");
        }
        return null;
      });
    }

    /** PUT /task/{id}: the due date is the legal deadline and the assignee follows the hand-over rule. */
    private void checkSave(TaskEntity changed) {
      if (changed == null || changed.getId() == null) return;
      TaskEntity stored = read(context -> context.getTaskManager().findTaskById(changed.getId()));
      if (stored == null) return;
      if (!same(stored.getDueDate(), changed.getDueDate())) {
        throw new AuthorizationException("shenpi: 任务期限 (dueDate) 由法定时限计算, 工作人员不得修改");
      }
      if (!same(stored.getOwner(), changed.getOwner())) {
        throw new AuthorizationException("shenpi: 工作人员不得修改任务所有人 (owner)");
      }
      if (!same(stored.getAssignee(), changed.getAssignee())) checkHandOver(changed.getId(), changed.getAssignee());
    }

    private static boolean same(Object a, Object b) {
      return a == null ? b == null : a.equals(b);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException next) {
        // look in the superclass
      } catch (IllegalAccessException unreachable) {
        throw new IllegalStateException(unreachable);
      }
    }
    throw new IllegalStateException("shenpi: " + command.getClass().getName() + " has no field " + name);
  }
}

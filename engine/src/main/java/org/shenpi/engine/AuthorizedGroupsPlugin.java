package org.shenpi.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before a query under authorization the engine narrows the user's groups to those that have any
 * authorization at all: {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, once per
 * command, over the whole table. The engine writes a grant per open task and candidate group (and
 * one more for the task's history), so at 100,000 open tasks that reads 200,000 rows in every
 * Tasklist and 工作台 request (about 100 ms on the development machine; docs/performance.md,
 * 工作台待办). A group without authorizations matches no row of the authorization check anyway,
 * so the user's own groups are used as they are: the same answers, without the scan.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories();
    if (factories == null) {
      factories = new ArrayList<>();
      configuration.setCustomSessionFactories(factories);
    }
    // custom session factories are registered after the engine's own: this one replaces its AuthorizationManager
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UserGroupsAuthorizationManager();
      }
    });
  }

  /** The engine's AuthorizationManager, with the user's groups taken as they are. */
  static final class UserGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) return Collections.emptyList();
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull).toList()));
    }
  }
}

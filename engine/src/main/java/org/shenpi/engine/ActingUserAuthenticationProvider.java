package org.shenpi.engine;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic, plus one thing: the web server's 工作台 calls the engine for a logged-in clerk as
 * that clerk, so the engine's authorizations apply to them and never the service account's
 * rights. It sends the service account's Basic credentials together with the header
 * {@value #HEADER}; the header is honoured only when the Basic user is a valid member of
 * {@value #SERVICE_GROUP}, and the request then runs as the named user with their groups.
 * Anyone else sending the header is refused.
 */
public class ActingUserAuthenticationProvider extends HttpBasicAuthenticationProvider {

  public static final String HEADER = "X-Shenpi-Acting-User";
  public static final String SERVICE_GROUP = "shenpiServices";

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult basic = super.extractAuthenticatedUser(request, engine);
    String actingUser = request.getHeader(HEADER);
    if (!basic.isAuthenticated() || actingUser == null) return basic;
    IdentityService identity = engine.getIdentityService();
    boolean service = identity.createGroupQuery().groupMember(basic.getAuthenticatedUser()).groupId(SERVICE_GROUP).count() > 0;
    if (!service || actingUser.isBlank() || identity.createUserQuery().userId(actingUser).count() != 1) {
      return AuthenticationResult.unsuccessful(basic.getAuthenticatedUser());
    }
    List<String> groups = identity.createGroupQuery().groupMember(actingUser).list().stream().map(Group::getId).collect(Collectors.toList());
    AuthenticationResult result = AuthenticationResult.successful(actingUser);
    result.setGroups(groups);
    return result;
  }
}

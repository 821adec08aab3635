package org.shenpi.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on from the 工作台 into Camunda's web apps, beside Camunda's own login form (which
 * stays: administrators log in there). The web server (lib/engine/webapp-sso.ts) sends its session
 * user to {@code /camunda/app/<app>/default/?shenpi-sso=<token>}; the token is
 * {@code v1.<user id, base64url>.<app>.<expiry, epoch seconds>.<nonce>.<HMAC-SHA256, base64url>},
 * signed with the secret both share (SHENPI_ENGINE_SSO_SECRET). This filter acts only on requests
 * carrying the parameter: a good token (signature, not expired, for this app, its nonce not seen
 * before) becomes the webapp authentication in the HTTP session exactly as Camunda's login creates
 * it (UserAuthenticationResource#doLogin: the user's groups, tenants and authorized apps, the
 * cache validation time, a new session id); a user the engine does not authorize for the app gets
 * none, as at the login form. Either way the browser is sent to the same address without the token:
 * logged in, or Camunda's login page as usual (a refused token is logged as a warning).
 *
 * Used nonces are kept until their token expires in a {@link NonceStore}: the engine's database
 * ({@link JdbcNonceStore}), which every node of a cluster shares, so a token is used once in the
 * whole cluster.
 */
public class WebappSingleSignOnFilter implements Filter {

  static final String PARAMETER = "shenpi-sso";
  static final Pattern APP = Pattern.compile("/app/(cockpit|tasklist|admin|welcome)/([^/]+)/");
  private static final Logger LOG = LoggerFactory.getLogger(WebappSingleSignOnFilter.class);

  private final ProcessEngine engine;
  private final byte[] secret;
  private final Clock clock;
  private final NonceStore used;

  /** Where the nonces of used tokens are kept until their expiry: one store for all engine nodes. */
  public interface NonceStore {
    /** True the first time `nonce` is claimed (before `expiry`), false after: a replay. */
    boolean claim(String nonce, long expiry, long now);
  }

  /** In this JVM only: one engine node (tests). */
  public static NonceStore inMemory() {
    Map<String, Long> used = new ConcurrentHashMap<>();
    return (nonce, expiry, now) -> {
      used.values().removeIf((until) -> until < now);
      return used.putIfAbsent(nonce, expiry) == null;
    };
  }

  public WebappSingleSignOnFilter(ProcessEngine engine, String secret, Clock clock, NonceStore used) {
    this.engine = engine;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.used = used;
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    String token = request.getParameter(PARAMETER);
    Matcher app = APP.matcher(request.getRequestURI());
    if (token == null || !"GET".equals(request.getMethod()) || !app.find()) {
      chain.doFilter(servletRequest, servletResponse);
      return;
    }
    String userId = verify(token, app.group(1));
    if (userId != null) logIn(request, userId, app.group(1), app.group(2));
    ((HttpServletResponse) servletResponse).sendRedirect(withoutToken(request));
  }

  /** The token's user, or null (logged) when the token is not good for this app now. */
  String verify(String token, String app) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 6 || !"v1".equals(parts[0])) return refuse("malformed", null);
    String payload = String.join(".", Arrays.copyOf(parts, 5));
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[5].getBytes(StandardCharsets.US_ASCII))) {
      return refuse("bad signature", null);
    }
    String userId;
    long expiry;
    try {
      userId = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      expiry = Long.parseLong(parts[3]);
    } catch (IllegalArgumentException e) {
      return refuse("malformed", null);
    }
    long now = clock.instant().getEpochSecond();
    if (!app.equals(parts[2])) return refuse("issued for app " + parts[2] + ", not " + app, userId);
    if (expiry < now) return refuse("expired", userId);
    if (!used.claim(parts[4], expiry, now)) return refuse("already used", userId);
    return userId;
  }

  private String refuse(String reason, String userId) {
    LOG.warn("webapp single sign-on refused ({}){}", reason, userId == null ? "" : " for user " + userId);
    return null;
  }

  /** As Camunda's login (UserAuthenticationResource#doLogin) after the password check. */
  private void logIn(HttpServletRequest request, String userId, String app, String engineName) {
    if (!engine.getName().equals(engineName)) {
      refuse("no engine named " + engineName, userId);
      return;
    }
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    if (authentication == null || !authentication.getAuthorizedApps().contains(app)) {
      LOG.warn("webapp single sign-on: user {} is not authorized for {}, no login", userId, app);
      return;
    }
    java.util.Date validation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
    if (validation != null) authentication.setCacheValidationTime(validation);
    AuthenticationUtil.revalidateSession(request, authentication);
    LOG.info("webapp single sign-on: user {} logged in to {} from the 工作台", userId, app);
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request's own address, its other query parameters kept, the token dropped. */
  static String withoutToken(HttpServletRequest request) {
    String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
        .filter((pair) -> !PARAMETER.equals(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8)))
        .collect(Collectors.joining("&"));
    return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
  }
}

// Single sign-on from the 工作台 into Camunda's own web apps (Cockpit, Tasklist, Admin, Welcome):
// the one owner of the token. The web server mints it for its session user; the engine's
// WebappSingleSignOnFilter (engine/…/WebappSingleSignOnFilter.java) checks it and logs the user in
// as Camunda's own login does. Camunda's login form stays for everyone else.
//
// Token: `v1.<user id, base64url>.<app>.<expiry, epoch seconds>.<nonce>.<HMAC-SHA256, base64url>`,
// the signature over everything before it, with the secret both share (config.engine.ssoSecret).
import { createHmac, randomBytes } from 'node:crypto';

export const WEBAPP_APPS = ['cockpit', 'tasklist', 'admin', 'welcome'] as const;
export type WebappApp = (typeof WEBAPP_APPS)[number];

/** the query parameter the engine's filter looks for (keep in step with the Java filter) */
export const SSO_PARAMETER = 'shenpi-sso';
/** a token is good this long after it is minted, and once */
export const SSO_TOKEN_SECONDS = 60;

export const isWebappApp = (value: string): value is WebappApp => (WEBAPP_APPS as readonly string[]).includes(value);

const sign = (secret: string, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

/** A signed, single-use token for `userId` to enter `app`, good for 60 seconds from `now`. */
export function mintWebappToken(secret: string, userId: string, app: WebappApp, now = new Date()): string {
  const expiry = Math.floor(now.getTime() / 1000) + SSO_TOKEN_SECONDS;
  const payload = ['v1', Buffer.from(userId, 'utf8').toString('base64url'), app, String(expiry), randomBytes(16).toString('base64url')].join('.');
  return `${payload}.${sign(secret, payload)}`;
}

/** Where the browser goes: the app's page with the token, which the engine takes off again. */
export function webappSignOnUrl(webappUrl: string, token: string, app: WebappApp): string {
  return `${webappUrl}/app/${app}/default/?${SSO_PARAMETER}=${encodeURIComponent(token)}`;
}

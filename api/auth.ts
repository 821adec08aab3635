// Every page and API of the web server needs a login: the 工作台's session (api/session.ts), or
// HTTP Basic for API clients, checked against the engine's users (the same accounts as Tasklist
// and Cockpit) on every request, so a changed password or a removed user takes effect at once;
// only a user's groups are cached briefly. Failed logins (Basic or the session's login) are
// throttled per user name and per address: after a few, the account is locked for a while.
import type { NextFunction, Request, Response } from 'express';
import type { EngineClient } from '../lib/engine/client.js';
import { HttpError } from './errors.js';
import { TokenBuckets, type BucketSettings } from './platform/rate-limit.js';
import { sessionUser } from './session.js';
import { parseBasicAuthorization } from '../lib/basic-auth.js';

export interface AuthenticatedUser {
  id: string;
  groups: string[];
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthenticatedUser;
  }
}

const GROUPS_CACHE_MS = 60_000;
/** 5 failed logins of a user name at once, then one more every 3 minutes */
const FAILURES_PER_USER: BucketSettings = { burst: 5, perMinute: 1 / 3 };
/** an address trying many names: `burst` at once (SHENPI_LOGIN_FAILURES_PER_ADDRESS, 100), then 10 a minute */
const failuresPerAddress = (burst: number): BucketSettings => ({ burst, perMinute: 10 });

class LoginLocked extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, 'login-locked', `登录失败次数过多, 账号已暂时锁定, 请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

/** Checks a user name and password with the engine, counting failures per user and address. */
export type LoginCheck = (username: string, password: string, address: string | undefined) => Promise<boolean>;

export function loginCheck(engine: EngineClient, addressBurst = 100): LoginCheck {
  const failures = new TokenBuckets();
  const FAILURES_PER_ADDRESS = failuresPerAddress(addressBurst);
  return async (username, password, address) => {
    const userKey = `user:${username.toLowerCase()}`;
    const addressKey = `address:${address ?? ''}`;
    // a failure is counted before the check, so parallel guesses cannot all slip through
    for (const [key, settings] of [[userKey, FAILURES_PER_USER], [addressKey, FAILURES_PER_ADDRESS]] as const) {
      const taken = failures.take(key, settings);
      if (!taken.ok) throw new LoginLocked(taken.retryAfterSeconds);
    }
    const verified = await engine.post<{ authenticated: boolean }>('/identity/verify', { username, password });
    if (!verified.authenticated) return false;
    failures.refund(userKey, FAILURES_PER_USER);
    failures.refund(addressKey, FAILURES_PER_ADDRESS);
    return true;
  };
}

export function requireLogin(engine: EngineClient, check: LoginCheck) {
  const groupsOf = new Map<string, { groups: string[]; until: number }>();
  const refuse = (res: Response): void => {
    // the 工作台's own calls get no Basic challenge (the browser would pop up its login box)
    if (res.req.get('x-requested-with') !== 'XMLHttpRequest') res.set('WWW-Authenticate', 'Basic realm="shenpi", charset="UTF-8"');
    res.status(401).json({ error: 'unauthenticated', message: '请先登录 (使用 shenpi 账号)' });
  };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const fromSession = sessionUser(req);
      if (fromSession) {
        req.user = fromSession;
        return next();
      }
      const credentials = parseBasicAuthorization(req.headers.authorization);
      if (!credentials) return refuse(res);
      const { username } = credentials;
      if (!(await check(username, credentials.password, req.socket.remoteAddress))) return refuse(res);
      let cached = groupsOf.get(username);
      if (!cached || cached.until <= Date.now()) {
        const groups = await engine.get<Array<{ id: string }>>(`/group?member=${encodeURIComponent(username)}`);
        cached = { groups: groups.map((g) => g.id), until: Date.now() + GROUPS_CACHE_MS };
        groupsOf.set(username, cached);
      }
      req.user = { id: username, groups: cached.groups };
      next();
    } catch (error) {
      next(error);
    }
  };
}

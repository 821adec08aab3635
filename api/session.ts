// The 工作台's one login: a session in PostgreSQL (express-session), an idle timeout (the cookie
// and the row expire together, renewed on every request), and a CSRF token kept in the session
// that every state-changing request of the session must send back in a header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type Request } from 'express';
import session from 'express-session';
import type { Knex } from 'knex';
import type { Config } from '../lib/config.js';
import type { EngineClient } from '../lib/engine/client.js';
import { deleteExpiredSessions, deleteSession, readSession, touchSession, writeSession } from '../lib/repositories/sessions.js';
import type { AuthenticatedUser, LoginCheck } from './auth.js';
import { forbidden, HttpError, invalidField } from './errors.js';

export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser extends AuthenticatedUser {
  /** as the office writes it: family name first (张敏) */
  name: string;
}

declare module 'express-session' {
  interface SessionData {
    user: SessionUser;
    csrfToken: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Knex, private readonly idleMs: number) {
    super();
  }

  private expiry(data: session.SessionData): Date {
    return data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + this.idleMs);
  }

  override get(sid: string, done: (error: unknown, data?: session.SessionData | null) => void): void {
    readSession(this.db, sid).then((data) => done(null, (data as session.SessionData | undefined) ?? null), done);
  }

  override set(sid: string, data: session.SessionData, done?: (error?: unknown) => void): void {
    writeSession(this.db, sid, data, this.expiry(data)).then(() => done?.(), (error) => done?.(error));
  }

  override touch(sid: string, data: session.SessionData, done?: () => void): void {
    touchSession(this.db, sid, this.expiry(data)).then(() => done?.(), () => done?.());
  }

  override destroy(sid: string, done?: (error?: unknown) => void): void {
    deleteSession(this.db, sid).then(() => done?.(), (error) => done?.(error));
  }
}

export function sessions(config: Config, db: Knex): express.RequestHandler {
  const idleMs = config.web.session.idleMinutes * 60_000;
  return session({
    name: 'shenpi.sid',
    secret: config.web.session.secret,
    store: new DatabaseSessionStore(db, idleMs),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.web.publicUrl.startsWith('https:'), maxAge: idleMs },
  });
}

/**
 * The session's user, or undefined without a session login. A state-changing request of a
 * session without its CSRF token is refused (403): a cookie alone never changes anything.
 */
export function sessionUser(req: Request): SessionUser | undefined {
  const user = req.session?.user;
  if (!user) return undefined;
  if (!SAFE_METHODS.has(req.method)) {
    const sent = Buffer.from(req.get(CSRF_HEADER) ?? '');
    const expected = Buffer.from(req.session.csrfToken ?? '');
    if (expected.length === 0 || sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      throw forbidden('请求缺少有效的 CSRF 令牌 (请刷新页面后重试)');
    }
  }
  return user;
}

const unauthenticated = (): HttpError => new HttpError(401, 'unauthenticated', '未登录或登录已超时, 请重新登录');

/** POST /api/session (login), GET (who is logged in), DELETE (logout). */
export function sessionRoutes(engine: EngineClient, db: Knex, check: LoginCheck): express.Router {
  const router = express.Router();
  router.post('/', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || username.trim() === '') throw invalidField('username', 'required', '请输入用户名 (username)');
    if (typeof password !== 'string' || password === '') throw invalidField('password', 'required', '请输入密码 (password)');
    if (!(await check(username, password, req.socket.remoteAddress))) throw new HttpError(401, 'unauthenticated', '用户名或密码错误');
    const [groups, profile] = await Promise.all([
      engine.get<Array<{ id: string }>>(`/group?member=${encodeURIComponent(username)}`),
      engine.get<{ firstName?: string; lastName?: string }>(`/user/${encodeURIComponent(username)}/profile`),
    ]);
    const user: SessionUser = { id: username, groups: groups.map((group) => group.id), name: `${profile.lastName ?? ''}${profile.firstName ?? ''}` || username };
    // a new session id at login: a planted cookie never becomes a logged-in one
    await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
    req.session.user = user;
    req.session.csrfToken = randomBytes(32).toString('base64url');
    await deleteExpiredSessions(db);
    res.status(201).json({ user, csrfToken: req.session.csrfToken });
  });
  // who is logged in: `user: null` without a session (the app asks before it shows its login page)
  router.get('/', (req, res) => {
    if (!req.session.user) return void res.json({ user: null });
    res.json({ user: req.session.user, csrfToken: req.session.csrfToken, idleMinutes: Math.round((req.session.cookie.originalMaxAge ?? 0) / 60_000) });
  });
  router.delete('/', async (req, res) => {
    if (!sessionUser(req)) throw unauthenticated();
    await new Promise<void>((resolve, reject) => req.session.destroy((error) => (error ? reject(error) : resolve())));
    res.clearCookie('shenpi.sid').status(204).end();
  });
  return router;
}

// Every page and API of the web server needs a login: the 工作台's session (api/session.ts), or
// HTTP Basic for API clients, checked against the engine's users (the same accounts as Tasklist
// and Cockpit). Verified Basic logins are cached briefly.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { EngineClient } from '../lib/engine/client.js';
import { sessionUser } from './session.js';

export interface AuthenticatedUser {
  id: string;
  groups: string[];
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthenticatedUser;
  }
}

const CACHE_MS = 60_000;

export function requireLogin(engine: EngineClient) {
  const cache = new Map<string, { user: AuthenticatedUser; until: number }>();
  const refuse = (res: Response): void => {
    // the 工作台's own calls get no Basic challenge (the browser would pop up its login box)
    if (res.req.get('x-requested-with') !== 'XMLHttpRequest') res.set('WWW-Authenticate', 'Basic realm="shenpi", charset="UTF-8"');
    res.status(401).json({ error: 'unauthenticated', message: '请先登录 (使用 shenpi 账号)' });
  };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const fromSession = sessionUser(req);
    if (fromSession) {
      req.user = fromSession;
      return next();
    }
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return refuse(res);
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return refuse(res);
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const key = createHash('sha256').update(decoded).digest('hex');
    const cached = cache.get(key);
    if (cached && cached.until > Date.now()) {
      req.user = cached.user;
      return next();
    }
    try {
      const verified = await engine.post<{ authenticated: boolean }>('/identity/verify', { username, password });
      if (!verified.authenticated) return refuse(res);
      const groups = await engine.get<Array<{ id: string }>>(`/group?member=${encodeURIComponent(username)}`);
      const user = { id: username, groups: groups.map((g) => g.id) };
      cache.set(key, { user, until: Date.now() + CACHE_MS });
      req.user = user;
      next();
    } catch (error) {
      next(error);
    }
  };
}

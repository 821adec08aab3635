// 网上平台 clients of the platform API, managed by operators and analysts: a new client's key is
// shown once, in the answer that creates it; only a salted hash of it is kept. A client may
// register a notification callback: the notices of the cases it submitted are POSTed there,
// signed with a secret of the callback's own (lib/notices/signature.ts), shown once too: when the
// first URL is registered and on each rotation.
import { Router } from 'express';
import type { Knex } from 'knex';
import { newApiKey, newClientId } from '../../lib/platform/api-keys.js';
import { callbackUrlProblems, newCallbackSecret } from '../../lib/notices/index.js';
import { createClient, listClients, revokeClient, rotateCallbackSecret, setCallbackUrl } from '../../lib/repositories/platform.js';
import { badRequest, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

const KEY_NOTE = 'API 密钥只显示这一次, 请妥善保存; 遗失后请停用并新建';
const SECRET_NOTE = '回调签名密钥只显示这一次, 请交平台妥善保存, 用以验证 x-shenpi-signature; 遗失后请轮换';

export function platformClientRoutes(db: Knex, productionMode: boolean): Router {
  const router = Router();
  router.use(requireGroup('operators', 'analysts'));

  router.get('/', async (_req, res) => {
    res.json(await listClients(db));
  });

  router.post('/', async (req, res) => {
    const body = (req.body ?? {}) as { name?: unknown; ratePerMinute?: unknown; rateBurst?: unknown; callbackUrl?: unknown };
    const problems = [];
    if (typeof body.name !== 'string' || body.name.trim().length < 2 || body.name.length > 100) problems.push({ field: 'name', rule: 'required', message: '平台名称 name 应为 2 到 100 个字符' });
    for (const field of ['ratePerMinute', 'rateBurst'] as const) {
      const value = body[field];
      if (value !== undefined && (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 1_000_000)) problems.push({ field, rule: 'range', message: `${field} 应为 1 到 1000000 之间的整数 (不填则用默认限额)` });
    }
    if (body.callbackUrl !== undefined) problems.push(...callbackUrlProblems(body.callbackUrl, productionMode));
    if (problems.length) throw badRequest('平台信息无效', problems);
    const id = newClientId();
    const { key, stored } = newApiKey(id);
    const callback = body.callbackUrl === undefined ? undefined : { url: body.callbackUrl as string, secret: newCallbackSecret() };
    const client = await createClient(db, { id, name: (body.name as string).trim(), ratePerMinute: body.ratePerMinute as number | undefined, rateBurst: body.rateBurst as number | undefined, callback, createdBy: req.user!.id }, stored);
    res.status(201).json({ ...client, apiKey: key, ...(callback && { callbackSecret: callback.secret }), note: callback ? `${KEY_NOTE}; ${SECRET_NOTE}` : KEY_NOTE });
  });

  // the notification callback: a URL to register (or replace), null to remove it
  router.put('/:id/callback', validRequest({ params: { id: field.text(60, '平台编号') } }), async (req, res) => {
    const { callbackUrl } = (req.body ?? {}) as { callbackUrl?: unknown };
    if (callbackUrl !== null) {
      const problems = callbackUrlProblems(callbackUrl, productionMode);
      if (problems.length) throw badRequest('回调地址无效', problems);
    }
    const set = await setCallbackUrl(db, req.params.id, callbackUrl as string | null, newCallbackSecret());
    if (!set) throw notFound(`没有在用的平台 ${req.params.id}`);
    res.json(set.secret ? { ...set.client, callbackSecret: set.secret, note: SECRET_NOTE } : set.client);
  });

  // a new signing secret for the callback (lost, leaked, or made by the migration unseen): the old one stops at once
  router.post('/:id/callback/secret', validRequest({ params: { id: field.text(60, '平台编号') } }), async (req, res) => {
    const secret = newCallbackSecret();
    if (!(await rotateCallbackSecret(db, req.params.id, secret))) throw notFound(`没有登记了回调地址的在用平台 ${req.params.id}`);
    res.json({ id: req.params.id, callbackSecret: secret, note: `${SECRET_NOTE}; 旧密钥即时失效` });
  });

  router.delete('/:id', validRequest({ params: { id: field.text(60, '平台编号') } }), async (req, res) => {
    if (!(await revokeClient(db, req.params.id))) throw notFound(`没有在用的平台 ${req.params.id}`);
    res.status(204).end();
  });
  return router;
}

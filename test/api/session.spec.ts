// The 工作台's one login: a session in PostgreSQL, CSRF-protected; HTTP Basic stays for API
// clients; the engine is reached as the session's user, never with the service account's rights.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { DEMO_PASSWORD } from '../support/cases.js';
import { useSystem } from '../support/system.js';
import { basic, probeUser, webBase, webSession } from '../support/web.js';

async function login(web: string, username: string, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(`${web}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

describe('the 工作台 session (/api/session)', function () {
  this.timeout(240_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = webBase(system);
  });

  describe('#login', () => {
    it('should log in with an engine user and answer who they are, family name first', async () => {
      const response = await login(web, 'window1');
      const body = (await response.json()) as { user: { id: string; name: string; groups: string[] }; csrfToken: string };

      expect(response.status).to.equal(201);
      expect(body.user).to.deep.equal({ id: 'window1', name: '张敏', groups: ['window'] });
      expect(body.csrfToken).to.have.length.greaterThan(20);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).to.match(/^shenpi\.sid=/).and.to.match(/HttpOnly/i).and.to.match(/SameSite=Lax/i);
    });

    it('should NOT log in with a wrong password (401, in Chinese)', async () => {
      const response = await login(web, await probeUser(system, ['window']), 'wrong');
      const body = (await response.json()) as { message: string };

      expect(response.status).to.equal(401);
      expect(body.message).to.equal('用户名或密码错误');
      expect(response.headers.get('set-cookie')).to.equal(null);
    });

    it('should NOT accept a login without a username (400 naming the field)', async () => {
      const response = await fetch(`${web}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password: 'x' }) });

      expect(response.status).to.equal(400);
      expect(((await response.json()) as { message: string }).message).to.contain('username');
    });
  });

  describe('#session', () => {
    it('should answer the session user and open pages behind the login (the case pages) without a second login', async () => {
      const session = await webSession(system, 'market1');

      const me = await fetch(`${web}/api/session`, { headers: { cookie: session.cookie } });
      const api = await fetch(`${web}/api/me`, { headers: { cookie: session.cookie } });

      expect(me.status).to.equal(200);
      expect(((await me.json()) as { user: { name: string } }).user.name).to.equal('李强');
      expect(api.status).to.equal(200);
      expect(((await api.json()) as { id: string }).id).to.equal('market1');
    });

    it('should answer that nobody is logged in without a session', async () => {
      const response = await fetch(`${web}/api/session`);

      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({ user: null });
    });

    it('should answer 401 without a session, without a Basic challenge for the app', async () => {
      const response = await fetch(`${web}/api/workbench/filters`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });

      expect(response.status).to.equal(401);
      expect(response.headers.get('www-authenticate')).to.equal(null);
    });

    it('should keep HTTP Basic working for API clients', async () => {
      const response = await fetch(`${web}/api/me`, { headers: { authorization: basic('window1') } });

      expect(response.status).to.equal(200);
    });
  });

  describe('#csrf', () => {
    it('should NOT change anything for a session request without the CSRF token (403)', async () => {
      const session = await webSession(system, 'window1');

      const logout = await fetch(`${web}/api/session`, { method: 'DELETE', headers: { cookie: session.cookie } });
      const wrong = await fetch(`${web}/api/workbench/tasks/none/claim`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': 'not-the-token' } });
      const still = await fetch(`${web}/api/session`, { headers: { cookie: session.cookie } });

      expect(logout.status).to.equal(403);
      expect(wrong.status).to.equal(403);
      expect(((await wrong.json()) as { message: string }).message).to.contain('CSRF');
      expect(still.status).to.equal(200);
    });
  });

  describe('#logout', () => {
    it('should end the session: the cookie no longer logs in', async () => {
      const session = await webSession(system, 'window1');

      const logout = await fetch(`${web}/api/session`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
      const after = await fetch(`${web}/api/me`, { headers: { cookie: session.cookie, 'x-requested-with': 'XMLHttpRequest' } });

      expect(logout.status).to.equal(204);
      expect(after.status).to.equal(401);
    });
  });

  describe('the engine as the user', () => {
    it('should NOT let a user name another user in the acting-user header (only the service account may)', async () => {
      const response = await fetch(`${system.config.engine.restUrl}/task`, { headers: { authorization: basic('window1'), 'X-Shenpi-Acting-User': 'admin' } });

      expect(response.status).to.equal(401);
    });

    it('should run a service-account request with the header as that user, with their groups', async () => {
      const service = `Basic ${Buffer.from(`${system.config.service.username}:${system.config.service.password}`).toString('base64')}`;
      const asWindow = await fetch(`${system.config.engine.restUrl}/filter?resourceType=Task`, { headers: { authorization: service, 'X-Shenpi-Acting-User': 'window1' } });
      const asService = await fetch(`${system.config.engine.restUrl}/filter?resourceType=Task`, { headers: { authorization: service } });

      expect(((await asWindow.json()) as unknown[]).length).to.be.greaterThan(0);
      expect(((await asService.json()) as unknown[]).length).to.equal(0);
    });
  });
});

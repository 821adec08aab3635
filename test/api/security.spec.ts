import { expect } from 'chai';
import type { System } from '../../lib/system.js';
import { useSystem } from '../support/system.js';
import { basic, probeUser, webBase } from '../support/web.js';


// Wrong-password checks use probe users no other test logs in with: the engine delays a user's
// next login after a failure (brute-force protection).
describe('security defaults', function () {
  this.timeout(240_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = webBase(system);
  });

  it('should refuse the engine REST API without credentials (401)', async () => {
    const response = await fetch(`${system.config.engine.restUrl}/process-definition`);
    expect(response.status).to.equal(401);
  });

  it('should refuse the engine REST API with a wrong password', async () => {
    const response = await fetch(`${system.config.engine.restUrl}/process-definition`, { headers: { authorization: basic(await probeUser(system, ['municipalReview']), 'wrong') } });
    expect(response.status).to.equal(401);
  });

  it('should answer the engine REST API with the documented admin login', async () => {
    const response = await fetch(`${system.config.engine.restUrl}/version`, { headers: { authorization: basic(system.config.admin.username, system.config.admin.password) } });
    expect(response.status).to.equal(200);
  });

  it('should NOT let a clerk read the users list (authorization is enabled)', async () => {
    const response = await fetch(`${system.config.engine.restUrl}/authorization`, { headers: { authorization: basic('window1', system.config.demoPassword!) } });
    const body = (await response.json()) as unknown[];
    expect(body).to.deep.equal([]);
  });

  it('should refuse the web server without a login, but answer /health', async () => {
    expect((await fetch(`${web}/portal`)).status).to.equal(401);
    expect((await fetch(`${web}/api/workbench/filters`)).status).to.equal(401);
    // the 工作台's page itself is public: it shows its own login, its data needs one
    expect(await (await fetch(`${web}/`)).text()).to.contain('<title>工作台');
    expect((await fetch(`${web}/api/me`, { headers: { authorization: basic(await probeUser(system, ['legalReview']), 'wrong') } })).status).to.equal(401);
    const health = await fetch(`${web}/health`);
    expect(health.status).to.equal(200);
    expect(await health.json()).to.deep.equal({ status: 'ok', engine: 'up' });
  });

  it('should show a logged-in clerk their department', async () => {
    const me = await fetch(`${web}/api/me`, { headers: { authorization: basic('window1', system.config.demoPassword!) } });
    expect(me.status).to.equal(200);
    expect(await me.json()).to.deep.equal({ id: 'window1', groups: ['window'] });
  });
});

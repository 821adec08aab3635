import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { useSystem } from '../support/system.js';
import { basic, probeUser, webBase } from '../support/web.js';
import { VALID_ID_CARD } from '../support/applications.js';
import { maskIdCardNumber } from '../../lib/validation/identifiers.js';


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
    // and how far the working-day calendar reaches (no internals)
    expect(await health.json()).to.deep.include({ status: 'ok', engine: 'up' }).and.to.have.all.keys('status', 'engine', 'calendar');
  });

  it('should show a logged-in clerk their department', async () => {
    const me = await fetch(`${web}/api/me`, { headers: { authorization: basic('window1', system.config.demoPassword!) } });
    expect(me.status).to.equal(200);
    expect(await me.json()).to.deep.equal({ id: 'window1', groups: ['window'] });
  });

  it('should take a changed password at once, and NOT let the old one in', async () => {
    const user = await probeUser(system, ['window']);
    expect((await fetch(`${web}/api/me`, { headers: { authorization: basic(user) } })).status).to.equal(200);
    await system.admin.put(`/user/${user}/credentials`, { password: 'a-new-password-1', authenticatedUserPassword: system.config.admin.password });
    // the new one first: after a failure the engine delays the user's next login
    expect((await fetch(`${web}/api/me`, { headers: { authorization: basic(user, 'a-new-password-1') } })).status).to.equal(200);
    expect((await fetch(`${web}/api/me`, { headers: { authorization: basic(user) } })).status).to.equal(401);
  });

  it('should lock a user name after repeated failed logins, even for the right password', async () => {
    const user = await probeUser(system, ['window']);
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt += 1) statuses.push((await fetch(`${web}/api/me`, { headers: { authorization: basic(user, `wrong-${attempt}`) } })).status);
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 429]);
    const locked = await fetch(`${web}/api/me`, { headers: { authorization: basic(user) } });
    expect(locked.status).to.equal(429);
    expect(Number(locked.headers.get('retry-after'))).to.be.greaterThan(0);
    expect(((await locked.json()) as { message: string }).message).to.contain('锁定');
  });

  it('should NOT take a state-changing request a page of another site could forge (CSRF)', async () => {
    const bodyless = await fetch(`${web}/api/publication/reconcile`, { method: 'POST', headers: { authorization: basic('operator1') } });
    expect(bodyless.status).to.equal(403);
    expect(((await bodyless.json()) as { problems: Array<{ field: string; rule: string }> }).problems[0]).to.include({ field: 'X-Requested-With', rule: 'csrf' });
    const form = await fetch(`${web}/api/credit/records`, { method: 'POST', headers: { authorization: basic('legal1'), 'content-type': 'application/x-www-form-urlencoded' }, body: 'subjectCode=x' });
    expect(form.status).to.equal(403);
    const crossSite = await fetch(`${web}/api/credit/records`, { method: 'POST', headers: { authorization: basic('legal1'), 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: '{}' });
    expect(crossSite.status).to.equal(403);
  });

  it('should show credit records only to the sections that need them, a personal ID number masked', async () => {
    const registered = await fetch(`${web}/api/credit/records`, { method: 'POST', headers: { authorization: basic('legal1'), 'content-type': 'application/json' }, body: JSON.stringify({ subjectCode: VALID_ID_CARD, subjectName: '张测试', rule: '列入失信被执行人名单 (测试)' }) });
    expect(registered.status).to.be.oneOf([200, 201]);
    expect((await fetch(`${web}/api/credit/records`, { headers: { authorization: basic('market1') } })).status).to.equal(403);
    expect((await fetch(`${web}/credit`, { headers: { authorization: basic('market1') } })).status).to.equal(403);
    const read = await fetch(`${web}/api/credit/records?subject=${VALID_ID_CARD}`, { headers: { authorization: basic('legal1') } });
    const { records } = (await read.json()) as { records: Array<{ subjectCode: string }> };
    expect(records.length).to.be.greaterThan(0);
    expect(records.map((record) => record.subjectCode)).to.include(maskIdCardNumber(VALID_ID_CARD)).and.not.include(VALID_ID_CARD);
  });

  it('should send security headers on every page: a CSP without inline script, no framing, nosniff, no-store with personal data', async () => {
    for (const path of ['/portal', '/credit']) {
      const page = await fetch(`${web}${path}`, { headers: { authorization: basic(path === '/credit' ? 'legal1' : 'window1') } });
      expect(page.status).to.equal(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).to.contain("script-src 'self'").and.contain("frame-ancestors 'none'").and.not.contain('unsafe-eval');
      expect(page.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(page.headers.get('cache-control')).to.equal('no-store');
      const html = await page.text();
      expect(html).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>|<style|\son\w+=/i);
    }
    const publicPage = await fetch(`${web}/public/licences`);
    expect(publicPage.headers.get('content-security-policy')).to.contain("frame-ancestors 'none'");
    expect((await fetch(`${web}/assets/pages.css`)).status).to.equal(200);
  });
});

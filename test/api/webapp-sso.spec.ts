// Single sign-on from the 工作台 into Camunda's web apps: the web server mints a token of 60
// seconds for one use for its session user only, and the engine logs that user in to the app with
// it (asked as the apps ask: /camunda/api/admin/auth/user/default). A tampered, expired, replayed
// or other app's token logs nobody in; Camunda's own login form stays.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { mintWebappToken, SSO_PARAMETER, type WebappApp } from '../../lib/engine/webapp-sso.js';
import { useSystem } from '../support/system.js';
import { basic, webBase, webSession } from '../support/web.js';

describe('single sign-on into Camunda\'s web apps (/api/session/camunda/:app)', function () {
  this.timeout(240_000);
  let system: System;
  let web: string;

  before(async () => {
    system = await useSystem();
    web = webBase(system);
  });

  /** The token the web server hands a session user for `app` (its redirect, not followed). */
  async function tokenFor(user: string, app: WebappApp): Promise<{ location: string; token: string }> {
    const session = await webSession(system, user);
    const response = await fetch(`${web}/api/session/camunda/${app}`, { headers: { cookie: session.cookie }, redirect: 'manual' });
    expect(response.status).to.equal(302);
    const location = response.headers.get('location')!;
    return { location, token: new URL(location).searchParams.get(SSO_PARAMETER)! };
  }

  /** Opens the app with `token` as a browser would; answers who Camunda then says is logged in. */
  async function enter(app: WebappApp, token: string): Promise<{ redirect: string | null; user: { status: number; userId?: string; authorizedApps?: string[] } }> {
    const page = await fetch(`${system.config.engine.webappUrl}/app/${app}/default/?${SSO_PARAMETER}=${encodeURIComponent(token)}`, { redirect: 'manual' });
    const cookie = page.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const who = await fetch(`${system.config.engine.webappUrl}/api/admin/auth/user/default`, { headers: cookie ? { cookie } : {} });
    const body = who.ok ? ((await who.json()) as { userId: string; authorizedApps: string[] }) : {};
    const location = page.headers.get('location');
    const redirect = location === null ? null : ((url) => `${url.pathname}${url.search}`)(new URL(location, system.config.engine.webappUrl));
    return { redirect, user: { status: who.status, ...body } };
  }

  it('should send a session user to the app with a token that logs them in there, the token taken off the address', async () => {
    const { location, token } = await tokenFor('operator1', 'cockpit');

    const entered = await enter('cockpit', token);

    expect(location.startsWith(`${system.config.engine.webappUrl}/app/cockpit/default/?${SSO_PARAMETER}=`)).to.equal(true);
    expect(entered.redirect).to.equal('/camunda/app/cockpit/default/');
    expect(entered.user).to.include({ status: 200, userId: 'operator1' });
    expect(entered.user.authorizedApps).to.include('cockpit');
  });

  it('should keep the engine\'s authorizations: a clerk is NOT logged in to Cockpit, but is to the Tasklist', async () => {
    const cockpit = await enter('cockpit', (await tokenFor('window1', 'cockpit')).token);
    const tasklist = await enter('tasklist', (await tokenFor('window1', 'tasklist')).token);

    expect(cockpit.user.status).to.be.oneOf([401, 404]);
    expect(tasklist.user).to.include({ status: 200, userId: 'window1' });
  });

  it('should NOT log in twice with the same token (single use)', async () => {
    const { token } = await tokenFor('operator1', 'cockpit');

    const first = await enter('cockpit', token);
    const replay = await enter('cockpit', token);

    expect(first.user.status).to.equal(200);
    expect(replay.user.status).to.be.oneOf([401, 404]);
    expect(replay.redirect, 'Camunda\'s login page as usual, without the token').to.equal('/camunda/app/cockpit/default/');
  });

  it('should NOT log in with a tampered token (another user in it, or a changed signature)', async () => {
    const { token } = await tokenFor('window1', 'tasklist');
    const parts = token.split('.');
    const otherUser = [parts[0], Buffer.from('admin').toString('base64url'), ...parts.slice(2)].join('.');
    const badSignature = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;

    for (const tampered of [otherUser, badSignature, 'v1.garbage', '']) expect((await enter('tasklist', tampered)).user.status, tampered).to.be.oneOf([401, 404]);
  });

  it('should NOT log in with an expired token, one for another app, or one signed with another secret', async () => {
    const secret = system.config.engine.ssoSecret;
    const expired = mintWebappToken(secret, 'operator1', 'cockpit', new Date(Date.now() - 61_000));
    const forTasklist = mintWebappToken(secret, 'operator1', 'tasklist');
    const foreign = mintWebappToken('another-secret-of-at-least-32-characters', 'operator1', 'cockpit');

    for (const token of [expired, forTasklist, foreign]) expect((await enter('cockpit', token)).user.status).to.be.oneOf([401, 404]);
    expect((await enter('cockpit', mintWebappToken(secret, 'operator1', 'cockpit'))).user.status, 'a good one still does').to.equal(200);
  });

  it('should mint a token only for a session user: NOT for HTTP Basic, NOT without a login (401)', async () => {
    const withBasic = await fetch(`${web}/api/session/camunda/cockpit`, { headers: { authorization: basic('operator1') }, redirect: 'manual' });
    const anonymous = await fetch(`${web}/api/session/camunda/cockpit`, { redirect: 'manual' });

    expect(withBasic.status).to.equal(401);
    expect(anonymous.status).to.equal(401);
    expect(withBasic.headers.get('location')).to.equal(null);
  });

  it('should answer an unknown app with 400 naming the field', async () => {
    const session = await webSession(system, 'operator1');
    const response = await fetch(`${web}/api/session/camunda/modeler`, { headers: { cookie: session.cookie }, redirect: 'manual' });
    const body = (await response.json()) as { message: string; problems: Array<{ field: string; rule: string }> };

    expect(response.status).to.equal(400);
    expect(body.problems).to.deep.equal([{ field: 'app', rule: 'one-of', message: body.message }]);
    expect(body.message).to.contain('cockpit');
  });
});

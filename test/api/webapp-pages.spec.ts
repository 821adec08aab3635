// The pages of Camunda's web apps carry a fresh CSP nonce in the header and in their script tags:
// they must never be answered 304 from a revalidation (old page, new nonce: every script refused,
// the app stuck on its spinner), nor carry another request's nonce (Camunda 7.24 shares it across
// concurrent requests). Always the whole page, matching nonces, not stored.
import { expect } from 'chai';
import type { System } from '../../bin/system.js';
import { useSystem } from '../support/system.js';

describe('Camunda web app pages (CSP nonce and caching)', function () {
  this.timeout(120_000);
  let system: System;

  before(async () => {
    system = await useSystem();
  });

  for (const app of ['tasklist', 'cockpit', 'admin', 'welcome']) {
    it(`should answer the ${app} page whole, uncached, its script nonces matching its CSP header`, async () => {
      const url = `${system.config.engine.webappUrl}/app/${app}/default/`;
      const first = await fetch(url);
      expect(first.status).to.equal(200);
      expect(first.headers.get('cache-control')).to.equal('no-store');
      expect(first.headers.get('etag')).to.equal(null);
      await first.text();
      const again = await fetch(url, { headers: { 'if-none-match': '"anything"', 'if-modified-since': new Date().toUTCString() } });
      expect(again.status).to.equal(200);
      const body = await again.text();
      const nonce = /'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')?.[1];
      expect(nonce, 'CSP nonce').to.be.a('string');
      const scripts = [...body.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length).to.be.greaterThan(0);
      for (const scriptNonce of scripts) expect(scriptNonce).to.equal(nonce);
      // scripts and styles keep their caching
      const asset = await fetch(`${system.config.engine.webappUrl}/app/${app}/scripts/config.js`);
      expect(asset.headers.get('cache-control')).not.to.equal('no-store');
    });
  }

  it('should keep each page\'s nonces its own while other requests run at the same time', async () => {
    const base = system.config.engine.webappUrl;
    const mismatched: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      await Promise.all(Array.from({ length: 16 }, async (_unused, index) => {
        const app = ['tasklist', 'cockpit', 'admin', 'welcome'][index % 4]!;
        const response = await fetch(`${base}/app/${app}/default/`);
        const body = await response.text();
        const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
        if ([...body.matchAll(/nonce="([^"]+)"/g)].some((m) => m[1] !== nonce)) mismatched.push(`${app} round ${round}`);
      }));
    }
    expect(mismatched).to.deep.equal([]);
  });
});

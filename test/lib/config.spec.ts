import { expect } from 'chai';
import { ConfigError, loadConfig, logSettings } from '../../lib/config.js';
import { basicAuthorization, parseBasicAuthorization } from '../../lib/basic-auth.js';

describe('#loadConfig', () => {
  it('should give dev defaults without any variable', () => {
    const config = loadConfig({});
    expect(config.mode).to.equal('dev');
    expect(config.engine.port).to.equal(8080);
    expect(config.web.port).to.equal(3000);
    expect(config.engine.restUrl).to.equal('http://127.0.0.1:8080/engine-rest');
    expect(config.databaseUrl).to.equal(undefined);
    expect(config.demoPassword).to.be.a('string');
  });

  it('should NOT start in production mode without explicit passwords', () => {
    expect(() => loadConfig({ SHENPI_MODE: 'production' })).to.throw(ConfigError, 'SHENPI_ADMIN_PASSWORD');
    expect(() => loadConfig({ SHENPI_MODE: 'production', SHENPI_ADMIN_PASSWORD: 'a-long-admin-secret' })).to.throw(ConfigError, 'SHENPI_SERVICE_PASSWORD');
  });

  it('should NOT create demo users in production mode', () => {
    const config = loadConfig({ SHENPI_MODE: 'production', SHENPI_ADMIN_PASSWORD: 'a-long-admin-secret', SHENPI_SERVICE_PASSWORD: 'a-long-service-secret' });
    expect(config.demoPassword).to.equal(undefined);
  });

  it('should name the variable and the rule when a value is bad', () => {
    expect(() => loadConfig({ SHENPI_ENGINE_PORT: 'eighty' })).to.throw(ConfigError, /SHENPI_ENGINE_PORT.*整数/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).to.throw(ConfigError, /DATABASE_URL.*协议/);
    expect(() => loadConfig({ SHENPI_MODE: 'prod' })).to.throw(ConfigError, 'SHENPI_MODE');
    expect(() => loadConfig({ SHENPI_LOG_LEVEL: 'verbose' })).to.throw(ConfigError, 'SHENPI_LOG_LEVEL');
    expect(() => loadConfig({ SHENPI_HISTORY_CLEANUP_WINDOW: '1:00-5:00' })).to.throw(ConfigError, /SHENPI_HISTORY_CLEANUP_WINDOW.*HH:mm-HH:mm/);
    expect(() => loadConfig({ SHENPI_HISTORY_CLEANUP_BATCH_SIZE: '501' })).to.throw(ConfigError, 'SHENPI_HISTORY_CLEANUP_BATCH_SIZE');
    expect(() => loadConfig({ SHENPI_LOG_FORMAT: 'xml' })).to.throw(ConfigError, 'SHENPI_LOG_FORMAT');
  });

  it('should read the log settings, falling back to info for a level it does not know', () => {
    expect(logSettings({ SHENPI_LOG_LEVEL: 'warn', SHENPI_LOG_FORMAT: 'json' })).to.deep.equal({ level: 'warn', format: 'json' });
    expect(logSettings({ SHENPI_LOG_LEVEL: 'verbose' })).to.deep.equal({ level: 'info', format: undefined });
  });

  it('should time the 工作台 session out after 30 idle minutes by default, and NOT accept a short session secret', () => {
    expect(loadConfig({}).web.session.idleMinutes).to.equal(30);
    expect(loadConfig({ SHENPI_SESSION_IDLE_MINUTES: '5' }).web.session.idleMinutes).to.equal(5);
    expect(() => loadConfig({ SHENPI_SESSION_IDLE_MINUTES: '0' })).to.throw(ConfigError, 'SHENPI_SESSION_IDLE_MINUTES');
    expect(() => loadConfig({ SHENPI_SESSION_SECRET: 'too-short' })).to.throw(ConfigError, 'SHENPI_SESSION_SECRET');
  });

  it('should give the web server and the engine one single sign-on secret in every process of a start, never a random one', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig({}).engine.ssoSecret, 'from the admin password').to.equal(loadConfig({}).engine.ssoSecret);
    expect(loadConfig({ SHENPI_SESSION_SECRET: secret }).engine.ssoSecret).to.equal(loadConfig({ SHENPI_SESSION_SECRET: secret }).engine.ssoSecret).and.not.equal(loadConfig({}).engine.ssoSecret);
    expect(loadConfig({ SHENPI_ENGINE_SSO_SECRET: secret }).engine.ssoSecret, 'an external engine is given the same').to.equal(secret);
    expect(() => loadConfig({ SHENPI_ENGINE_SSO_SECRET: 'too-short' })).to.throw(ConfigError, 'SHENPI_ENGINE_SSO_SECRET');
  });
  it('should give one engine node by default, N on consecutive ports, or the nodes listed in SHENPI_ENGINE_URL', () => {
    const single = loadConfig({});
    expect(single.engine.nodes).to.equal(1);
    expect(single.engine.restUrls).to.deep.equal(['http://127.0.0.1:8080/engine-rest']);
    expect(single.worker.restUrls).to.deep.equal(['http://127.0.0.1:8080/engine-rest']);
    const cluster = loadConfig({ SHENPI_ENGINE_NODES: '2', SHENPI_ENGINE_PORT: '9000' });
    expect(cluster.engine.restUrls).to.deep.equal(['http://127.0.0.1:9000/engine-rest', 'http://127.0.0.1:9001/engine-rest']);
    expect(cluster.engine.restUrl).to.equal('http://127.0.0.1:9000/engine-rest');
    const external = loadConfig({ SHENPI_ENGINE_URL: 'http://a:8080, http://b:8080/', SHENPI_WORKER_ENGINE_URL: 'http://b:8080' });
    expect(external.engine.externalUrl).to.equal('http://a:8080');
    expect(external.engine.nodes).to.equal(2);
    expect(external.engine.restUrls).to.deep.equal(['http://a:8080/engine-rest', 'http://b:8080/engine-rest']);
    expect(external.worker.restUrls).to.deep.equal(['http://b:8080/engine-rest']);
    expect(() => loadConfig({ SHENPI_ENGINE_NODES: '0' })).to.throw(ConfigError, 'SHENPI_ENGINE_NODES');
    expect(() => loadConfig({ SHENPI_ENGINE_URL: 'http://a:8080,ftp://b' })).to.throw(ConfigError, 'SHENPI_ENGINE_URL');
  });
});

describe('lib/basic-auth', () => {
  it('should read back the credentials it writes, a colon in the password included', () => {
    const credentials = { username: '张三', password: 'pa:ss' };
    expect(parseBasicAuthorization(basicAuthorization(credentials))).to.deep.equal(credentials);
  });

  it('should NOT read another scheme or a header without a user name', () => {
    expect(parseBasicAuthorization('Bearer abc')).to.equal(undefined);
    expect(parseBasicAuthorization(`Basic ${Buffer.from(':secret').toString('base64')}`)).to.equal(undefined);
    expect(parseBasicAuthorization(undefined)).to.equal(undefined);
  });
});

describe('#loadConfig history clean-up', () => {
  it('should give the engine the nightly window in the office\'s time, with the batch size and parallelism', () => {
    expect(loadConfig({}).engine.historyCleanup).to.deep.equal({ windowStart: '01:00+0800', windowEnd: '05:00+0800', batchSize: 500, parallelism: 1 });
    expect(loadConfig({ SHENPI_HISTORY_CLEANUP_WINDOW: '22:30-04:00', SHENPI_UTC_OFFSET: '+06:00', SHENPI_HISTORY_CLEANUP_BATCH_SIZE: '100', SHENPI_HISTORY_CLEANUP_PARALLELISM: '2' }).engine.historyCleanup)
      .to.deep.equal({ windowStart: '22:30+0600', windowEnd: '04:00+0600', batchSize: 100, parallelism: 2 });
  });
});

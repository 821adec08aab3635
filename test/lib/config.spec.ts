import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../lib/config.js';

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
  });

  it('should time the 工作台 session out after 30 idle minutes by default, and NOT accept a short session secret', () => {
    expect(loadConfig({}).web.session.idleMinutes).to.equal(30);
    expect(loadConfig({ SHENPI_SESSION_IDLE_MINUTES: '5' }).web.session.idleMinutes).to.equal(5);
    expect(() => loadConfig({ SHENPI_SESSION_IDLE_MINUTES: '0' })).to.throw(ConfigError, 'SHENPI_SESSION_IDLE_MINUTES');
    expect(() => loadConfig({ SHENPI_SESSION_SECRET: 'too-short' })).to.throw(ConfigError, 'SHENPI_SESSION_SECRET');
  });
});

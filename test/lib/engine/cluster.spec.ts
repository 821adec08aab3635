// A second engine node (SHENPI_ENGINE_NODES) beside the test system's one, on the same database,
// with a worker set of its own: a case started on it goes on through the first node when it is
// SIGKILLed in the middle, and ends once, its licence issued once. A single sign-on token used on
// one node is refused on the other (the used nonces are in the shared database).
import { expect } from 'chai';
import path from 'node:path';
import { startWorkerServices } from '../../../bin/system.js';
import { EngineClient } from '../../../lib/engine/client.js';
import { startEngine, type EngineProcess } from '../../../lib/engine/launch.js';
import { createLogger } from '../../../lib/log.js';
import { freePort } from '../../../lib/ports.js';
import { jdbcSettings } from '../../../lib/postgres.js';
import { licenceForCase } from '../../../lib/repositories/licences.js';
import { mintWebappToken, SSO_PARAMETER } from '../../../lib/engine/webapp-sso.js';
import { sampleApplication } from '../../support/applications.js';
import { CaseDriver, DECIDER, MEMBER } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';
import { readEntry } from '../../processes/items/scenarios.js';
import { liveWebappUrl } from '../../../api/routes/webapp-sso.js';

describe('engine cluster (two nodes on one database)', function () {
  this.timeout(240_000);
  const entry = readEntry('food-business-licence');
  let second: EngineProcess | undefined;
  let workers: { stop(): Promise<void> } | undefined;

  after(async () => {
    await workers?.stop();
    await second?.stop();
  });

  it('should finish a case started on node 2 through node 1 when node 2 is SIGKILLed mid-case, exactly once', async () => {
    const system = await useSystem();
    const port = await freePort();
    const secondUrl = `http://127.0.0.1:${port}/engine-rest`;
    const config = { ...system.config, engine: { ...system.config.engine, port, restUrls: [secondUrl] }, worker: { ...system.config.worker, restUrls: [secondUrl] } };
    second = await startEngine({ config, jdbc: jdbcSettings(system.database.url, config.engineSchema), admin: config.admin, logDir: path.join(config.dataDir, 'logs', 'node-2'), onWait: () => undefined });
    const onSecond = new EngineClient(secondUrl, config.admin);
    workers = await startWorkerServices(config, system.db, onSecond, createLogger({ component: 'node-2' }));
    const cluster = new EngineClient([secondUrl, system.config.engine.restUrl], config.admin);

    // the single sign-on: once in the whole cluster
    const token = mintWebappToken(system.config.engine.ssoSecret, 'operator1', 'cockpit');
    const enter = async (restUrl: string): Promise<number> => {
      const webapp = restUrl.replace(/\/engine-rest$/, '/camunda');
      const page = await fetch(`${webapp}/app/cockpit/default/?${SSO_PARAMETER}=${encodeURIComponent(token)}`, { redirect: 'manual' });
      const cookie = page.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
      return (await fetch(`${webapp}/api/admin/auth/user/default`, { headers: cookie ? { cookie } : {} })).status;
    };
    expect(await enter(secondUrl)).to.equal(200);
    expect(await enter(system.config.engine.restUrl)).to.be.oneOf([401, 404]);
    // the 工作台's Cockpit and Tasklist links go to the first node that answers
    const both = { ...system.config, engine: { ...system.config.engine, restUrls: [secondUrl, system.config.engine.restUrl] } };
    expect(await liveWebappUrl(both)).to.equal(secondUrl.replace(/\/engine-rest$/, '/camunda'));

    // started on node 2: its service tasks are created there and taken by node 2's own workers
    const started = await new CaseDriver(onSecond, entry.key).start({ application: sampleApplication(entry), receivedOn: '2026-09-30', clockDate: '2026-09-30' });
    const driver = new CaseDriver(cluster, entry.key, started.businessKey);
    driver.processInstanceId = started.processInstanceId;
    await driver.complete('ReviewMaterialsTask', MEMBER.window!, { acceptanceDecision: 'accept' });
    second.child.kill('SIGKILL');
    await new Promise((resolve) => second!.child.once('exit', resolve));
    expect(await liveWebappUrl(both)).to.equal(system.config.engine.webappUrl);

    // every request now meets a refused connection on node 2 first (round-robin) and goes to node 1;
    // a service task node 2's workers had locked is taken by node 1's when its lock runs out (30 s)
    await driver.task('ReviewTask', 120_000);
    await driver.complete('ReviewTask', MEMBER[entry.reviewGroup]!, { reviewOpinion: '符合条件', reviewAction: 'submit' });
    if (entry.siteInspection) await driver.complete('SiteInspectionTask', MEMBER[entry.reviewGroup]!, { siteInspectionResult: '合格', siteInspectionOpinion: '一致' });
    await driver.complete('DecisionTask', DECIDER[entry.reviewGroup]!, { decision: 'grant', decisionContent: '预包装食品销售' });
    await driver.complete('HandOverTask', MEMBER.window!, { receivedBy: '张建国' });
    expect(await driver.waitForEnd(120_000)).to.equal('CaseClosedEndEvent');
    const instances = await cluster.get<Array<{ state: string }>>(`/history/process-instance?processInstanceBusinessKey=${driver.businessKey}&processDefinitionKey=${entry.key}`);
    expect(instances.map((instance) => instance.state)).to.deep.equal(['COMPLETED']);
    expect(await licenceForCase(system.db, driver.businessKey)).to.not.equal(undefined);
  });
});

// The role table (lib/engine/roles.ts) is what the engine enforces: every row's grants hold for a
// member of each of its groups, and every forbidden neighbour (deploy, delete, move a case, work
// on any task, write history) does not, unless the row grants it. The real refusals over REST
// are in test/processes/bypasses.spec.ts.
import { expect } from 'chai';
import type { EngineClient } from '../../../lib/engine/client.js';
import { DEMO_USERS, RESOURCE } from '../../../lib/engine/directory.js';
import { monitoringScope, ROLES } from '../../../lib/engine/roles.js';
import type { System } from '../../../lib/system.js';
import { DEMO_PASSWORD } from '../../support/cases.js';
import { useSystem } from '../../support/system.js';

const RESOURCE_NAMES: Record<number, string> = {
  [RESOURCE.application]: 'Application', [RESOURCE.processDefinition]: 'ProcessDefinition', [RESOURCE.processInstance]: 'ProcessInstance',
  [RESOURCE.task]: 'Task', [RESOURCE.deployment]: 'Deployment', [RESOURCE.decisionDefinition]: 'DecisionDefinition', [RESOURCE.batch]: 'Batch',
  [RESOURCE.user]: 'User', [RESOURCE.group]: 'Group',
};

/** What no row may hold unless it says so. */
const NEIGHBOURS: Array<[number, string]> = [
  [RESOURCE.deployment, 'CREATE'], [RESOURCE.deployment, 'DELETE'],
  [RESOURCE.processInstance, 'UPDATE'], [RESOURCE.processInstance, 'DELETE'],
  [RESOURCE.processDefinition, 'DELETE_INSTANCE'], [RESOURCE.processDefinition, 'MIGRATE_INSTANCE'], [RESOURCE.processDefinition, 'DELETE_HISTORY'],
  [RESOURCE.processDefinition, 'UPDATE_TASK'], [RESOURCE.processDefinition, 'TASK_WORK'], [RESOURCE.processDefinition, 'CREATE_INSTANCE'],
  [RESOURCE.task, 'UPDATE'], [RESOURCE.task, 'TASK_WORK'], [RESOURCE.batch, 'CREATE'], [RESOURCE.application, 'admin'],
];

describe('roles by least privilege (lib/engine/roles.ts)', function () {
  this.timeout(120_000);
  let system: System;

  before(async () => {
    system = await useSystem();
  });

  const authorized = async (engine: EngineClient, resourceType: number, resourceId: string, permission: string): Promise<boolean> => {
    const query = new URLSearchParams({ permissionName: resourceType === RESOURCE.application ? 'ACCESS' : permission, resourceName: RESOURCE_NAMES[resourceType]!, resourceType: String(resourceType), resourceId: resourceType === RESOURCE.application && permission !== 'ACCESS' ? permission : resourceId });
    return (await engine.get<{ authorized: boolean }>(`/authorization/check?${query}`)).authorized;
  };

  for (const role of ROLES) {
    it(`should give ${role.name} exactly its row: ${role.may}; NOT ${role.mayNot}`, async () => {
      for (const group of role.groups) {
        const member = group === 'shenpiServices' ? system.config.service : { username: DEMO_USERS.find((user) => user.groups.includes(group))!.id, password: DEMO_PASSWORD };
        const engine = system.admin.as(member);
        for (const grant of role.grants) {
          for (const permission of grant.permissions) {
            expect(await authorized(engine, grant.resourceType, grant.resourceId, permission), `${group} ${RESOURCE_NAMES[grant.resourceType]} ${grant.resourceId} ${permission}`).to.equal(true);
          }
        }
        for (const [resourceType, permission] of NEIGHBOURS) {
          const granted = role.grants.some((grant) => grant.resourceType === resourceType && (grant.permissions.includes(permission) || grant.permissions.includes('ALL')) && grant.resourceId === '*');
          const applicationGranted = resourceType === RESOURCE.application && role.grants.some((grant) => grant.resourceType === RESOURCE.application && grant.resourceId === permission);
          expect(await authorized(engine, resourceType, '*', permission), `${group} ${RESOURCE_NAMES[resourceType]} * ${permission}`).to.equal(granted || applicationGranted);
        }
      }
    });
  }
});

describe('#monitoringScope (电子监察, lib/engine/roles.ts)', () => {
  it('should open every section to 局领导 and the 督查室', () => {
    expect(monitoringScope(['leaders'])).to.deep.equal({ all: true });
    expect(monitoringScope(['supervisors'])).to.deep.equal({ all: true });
  });

  it('should open to a 科长 their own section only', () => {
    expect(monitoringScope(['marketReview', 'sectionHeads'])).to.deep.equal({ all: false, sections: ['marketReview'] });
  });

  it('should NOT open 电子监察 to a clerk, the window, analysts, operators or a 科长 without a review section', () => {
    for (const groups of [['marketReview'], ['window'], ['analysts'], ['operators'], ['ratingOffice'], ['sectionHeads']]) {
      expect(monitoringScope(groups), groups.join()).to.equal(undefined);
    }
  });
});

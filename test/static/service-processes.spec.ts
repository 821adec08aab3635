// The service processes (差评处理, 政务失信投诉) stay as the generator writes them.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../lib/config.js';
import { toBpmnXml } from '../../lib/bpmn/builder.js';
import { SERVICE_PROCESSES } from '../../lib/bpmn/service-processes.js';

describe('processes/services (static)', () => {
  it('should keep the service processes as the generator writes them (bin/generate-processes.ts)', async () => {
    for (const model of SERVICE_PROCESSES) {
      const file = fs.readFileSync(path.join(PROJECT_ROOT, 'processes', 'services', `${model.id}.bpmn`), 'utf8');
      expect(file, `${model.id}.bpmn: run node --import tsx bin/generate-processes.ts`).to.equal(await toBpmnXml(model));
    }
  });
});

// The seeded catalogue: every entry is valid, and a complete application for it passes the
// application check, while one without its materials is told about each of them at once.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { checkApplication } from '../../../lib/catalogue/application-check.js';
import { checkEntry, type CatalogueEntry } from '../../../lib/catalogue/entry.js';
import { CATALOGUE_DIR } from '../../../lib/catalogue/seed.js';
import { sampleApplication } from '../../support/applications.js';

const files = fs.readdirSync(CATALOGUE_DIR).filter((name) => name.endsWith('.json')).sort()
  .map((file) => ({ file, entry: JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, file), 'utf8')) as CatalogueEntry }));

describe('catalogue/items (seeded catalogue)', () => {
  it('should seed at least 12 items, among them the ones the seeds name', () => {
    const keys = files.map((file) => file.entry.key);
    expect(keys.length).to.be.at.least(12);
    expect(keys).to.include.members(['food-business-licence', 'public-place-hygiene-licence', 'construction-permit', 'road-occupation-excavation-permit',
      'road-facility-attachment-permit', 'bridge-pipeline-permit', 'enterprise-establishment-registration', 'individual-business-registration', 'seal-engraving-filing']);
  });

  for (const { entry } of files) {
    describe(entry.key, () => {
      it('should be a valid catalogue entry in a file named after its key', () => {
        expect(checkEntry(entry)).to.deep.equal([]);
        expect(`${entry.key}.json`).to.equal(files.find((file) => file.entry === entry)!.file);
      });

      it('should accept a complete application', () => {
        expect(checkApplication(entry, sampleApplication(entry))).to.deep.equal([]);
      });

      it('should list every missing required material at once', () => {
        const required = entry.materials.filter((material) => material.required).map((material) => material.code);
        const problems = checkApplication(entry, sampleApplication(entry, { omitMaterials: required }));
        expect(problems.filter((problem) => problem.rule === 'material:missing').map((problem) => problem.material)).to.deep.equal(required);
      });
    });
  }
});

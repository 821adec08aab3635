// 事项清单: anyone logged in reads it; analysts import and export it (JSON or the office's .xlsx).
import express, { Router } from 'express';
import type { Knex } from 'knex';
import { candidatesFromJson, editEntry, importCatalogue } from '../../lib/catalogue/import.js';
import { candidatesFromWorkbook, catalogueToWorkbook } from '../../lib/catalogue/spreadsheet.js';
import { getVersion, latestVersion, listLatest, listVersions } from '../../lib/repositories/catalogue.js';
import { latestBundle, listBundles } from '../../lib/repositories/bundles.js';
import { badRequest, invalidField, notFound } from '../errors.js';
import { requireGroup } from '../roles.js';
import { field, validRequest } from '../validate.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** the office's whole catalogue is well under 1 MB as a workbook */
const MAX_WORKBOOK = '20mb';

export function catalogueRoutes(db: Knex): Router {
  const router = Router();
  const analysts = requireGroup('analysts');

  router.get('/', async (_req, res) => {
    const items = await listLatest(db);
    res.json({ items: items.map(({ key, version, entry }) => ({ key, version, code: entry.code, name: entry.name, type: entry.type, status: entry.status, processingType: entry.processingType, promisedTimeLimit: entry.promisedTimeLimit, legalTimeLimit: entry.legalTimeLimit })) });
  });

  router.get('/export.json', analysts, async (_req, res) => {
    const items = await listLatest(db);
    res.attachment('shenpi-catalogue.json').json({ exportedAt: new Date().toISOString(), items: items.map((item) => item.entry) });
  });

  router.get('/export.xlsx', analysts, async (_req, res) => {
    const workbook = await catalogueToWorkbook((await listLatest(db)).map((item) => item.entry));
    res.attachment('shenpi-事项清单.xlsx').type(XLSX).send(workbook);
  });

  router.post('/import', analysts, express.raw({ type: [XLSX, 'application/octet-stream'], limit: MAX_WORKBOOK }), async (req, res) => {
    const by = req.user!.id;
    if (Buffer.isBuffer(req.body)) {
      const { candidates, fileProblems } = await candidatesFromWorkbook(req.body);
      if (fileProblems.length) throw badRequest('Excel 文件无法导入, 未导入任何事项', fileProblems);
      res.json(await importCatalogue(db, candidates, by));
      return;
    }
    if (req.is('application/json')) {
      res.json(await importCatalogue(db, candidatesFromJson(req.body), by));
      return;
    }
    throw invalidField('Content-Type', 'mediaType', `请以 application/json 或 ${XLSX} 上传事项清单 (不接受 multipart 表单)`);
  });

  // one entry edited in the 工作台: the import's checks, every problem at once, the next version
  router.put('/:key', analysts, validRequest({ params: { key: field.key } }), async (req, res) => {
    res.json(await editEntry(db, String(req.params.key), req.body, req.user!.id));
  });

  router.get('/bundles', async (_req, res) => {
    res.json({ bundles: (await listBundles(db)).map(({ key, version, entry }) => ({ key, version, name: entry.name, targetWorkingDays: entry.targetWorkingDays, items: entry.items, jointInspection: entry.jointInspection ?? null })) });
  });

  router.get('/bundles/:key', validRequest({ params: { key: field.key } }), async (req, res) => {
    const found = await latestBundle(db, req.params.key);
    if (!found) throw notFound(`一件事 ${req.params.key} 不在清单中`);
    res.json({ key: req.params.key, ...found });
  });

  router.get('/:key', validRequest({ params: { key: field.key } }), async (req, res) => {
    const latest = await latestVersion(db, req.params.key);
    if (!latest) throw notFound(`事项 ${req.params.key} 不在事项清单中`);
    const versions = await listVersions(db, req.params.key);
    res.json({ ...latest, versions: versions.map(({ version, createdBy, createdAt }) => ({ version, createdBy, createdAt })) });
  });

  router.get('/:key/versions/:version', validRequest({ params: { key: field.key, version: field.positiveInteger } }), async (req, res) => {
    const found = await getVersion(db, req.params.key, Number(req.params.version));
    if (!found) throw notFound(`事项 ${req.params.key} 没有第 ${req.params.version} 版`);
    res.json(found);
  });

  return router;
}

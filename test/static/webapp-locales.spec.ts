// The Chinese (zh-CN) translation of Camunda 7.24's web apps, checked against the keys of 7.24's
// English locale files: engine/locales/camunda-7.24.0/<app>.json holds every key with its
// placeholders, so these checks need no jar; once the engine jar is built, a second check proves
// that copy equal to the en.json Camunda ships, and that the jar serves our files.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { ENGINE_DIR } from '../../lib/engine/launch.js';
import { WEBAPPS, camundaAppFile, camundaWebjar, engineJarEntries, type LocaleFile, type Webapp } from '../e2e/camunda-webjar.js';

const CAMUNDA_VERSION = '7.24.0';
const KEY_LISTS = path.join(ENGINE_DIR, 'locales', `camunda-${CAMUNDA_VERSION}`);
const APP_RESOURCES = 'META-INF/resources/webjars/camunda/app';
const RESOURCES = path.join(ENGINE_DIR, 'src', 'main', 'resources', ...APP_RESOURCES.split('/'));

interface KeyList { camunda: string; app: Webapp; dateLocales: string[]; emptyLabels: string[]; labels: Record<string, string[]> }

/** What a translation must carry over unchanged: {{ expressions }}, %s / %d, {} and HTML tags. */
function placeholders(text: string): string[] {
  const pattern = /\{\{\s*[^}]*?\s*\}\}|%[sd]|\{\}|<\/?(?:a|br|strong|b|i|em|code|p|span|ul|li)\b[^>]*>/g;
  return [...text.matchAll(pattern)].map(([found]) => (found.startsWith('{{') ? found.replace(/\s+/g, '') : found.replace(/\s+/g, ' '))).sort();
}

function keyListOf(en: LocaleFile, app: Webapp): KeyList {
  return {
    camunda: CAMUNDA_VERSION,
    app,
    dateLocales: Object.keys(en.dateLocales ?? {}).sort(),
    emptyLabels: Object.entries(en.labels).filter(([, text]) => text === '').map(([key]) => key),
    labels: Object.fromEntries(Object.entries(en.labels).map(([key, text]) => [key, placeholders(text)])),
  };
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const keyList = (app: Webapp) => readJson<KeyList>(path.join(KEY_LISTS, `${app}.json`));
const zhFile = (app: Webapp) => path.join(RESOURCES, app, 'locales', 'zh.json');

// Latin words allowed to stay in a Chinese label: product names, formats and literal values.
const UNTRANSLATED_WORDS = new Set(['Camunda', 'Optimize', 'CSV', 'JSON', 'DMN', 'DRD', 'BPMN', 'XML', 'LDAP', 'API', 'ID', 'IDs', 'null', 'true', 'YYYY', 'MM', 'DDTHH', 'mm', 'ss', 'yyyy', 'ddTHH', 'CTRL', 'DI', 'EDE', 'FNI', 'PI', 'TU', 'F5', 'cockpit', 'tasklist', 'IO']);
const CJK = /[\u4e00-\u9fff]/;
// English plural endings ("instance" + "s"): Chinese has none, so these stay empty.
const PLURAL_SUFFIXES = new Set(['PLGN_BATCH_S', 'PLGN_MIG_S', 'PLGN_MOD_DIALOG_S', 'PLGN_MOD_RESTART_DIALOG_S']);

describe('Camunda web app locales zh.json (static)', () => {
  for (const app of WEBAPPS) {
    describe(app, () => {
      const keys = keyList(app);
      const zh = readJson<LocaleFile>(zhFile(app));

      it(`should have every label key of Camunda ${CAMUNDA_VERSION}'s en.json, and no other`, () => {
        expect(keys.camunda).to.equal(CAMUNDA_VERSION);
        const missing = Object.keys(keys.labels).filter((key) => !(key in zh.labels));
        const extra = Object.keys(zh.labels).filter((key) => !(key in keys.labels));
        expect(missing, `${app}/locales/zh.json 缺少的键`).to.deep.equal([]);
        expect(extra, `${app}/locales/zh.json 多出的键 (7.24 已无)`).to.deep.equal([]);
      });

      it('should keep every placeholder and HTML tag of the English text', () => {
        const broken = Object.entries(keys.labels)
          .filter(([key, expected]) => typeof zh.labels[key] === 'string' && JSON.stringify(placeholders(zh.labels[key])) !== JSON.stringify(expected))
          .map(([key, expected]) => `${key}: 应为 ${expected.join(' ') || '(无占位符)'}, 实为 ${placeholders(zh.labels[key]!).join(' ') || '(无占位符)'}`);
        expect(broken).to.deep.equal([]);
      });

      it('should translate every label into Chinese (no English left, none empty)', () => {
        const untranslated = Object.entries(zh.labels).filter(([key, text]) => {
          if (typeof text !== 'string') return true;
          if (text === '') return !keys.emptyLabels.includes(key) && !PLURAL_SUFFIXES.has(key);
          const words = text.replace(/\{\{[^}]*\}\}|<[^>]*>|&[a-z]+;|https?:\S+/g, ' ').match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
          return !CJK.test(text) && words.some((word) => !UNTRANSLATED_WORDS.has(word));
        });
        expect(untranslated.map(([key, text]) => `${key}: ${text}`)).to.deep.equal([]);
      });

      it('should have the date locale of every moment.js setting Camunda sets', () => {
        expect(Object.keys(zh.dateLocales ?? {}).sort()).to.deep.equal(keys.dateLocales);
        if (keys.dateLocales.length > 0) {
          expect(zh.dateLocales?.['months']).to.have.length(12);
          expect((zh.dateLocales?.['weekdays'] as string[])[0]).to.equal('星期日');
        }
      });

      it('should configure the app for Chinese by default, keeping English available', () => {
        const config = fs.readFileSync(path.join(RESOURCES, app, 'scripts', 'config.js'), 'utf8');
        expect(config).to.match(/locales:\s*localesConfig\(\)/);
        expect(config).to.contain("from '../../shenpi/locale.js'");
        expect(config).to.match(/vendor:\s*'审批系统'/);
        expect(config, 'names family name first').to.contain("import '../../shenpi/chinese-names.js';");
        expect(fs.existsSync(zhFile(app))).to.equal(true);
      });
    });
  }

  describe('the Community Edition banner', () => {
    for (const app of WEBAPPS) {
      it(`should NOT show the "是时候迁移到 Camunda 8 了" banner in ${app} (its user-styles.css takes shenpi's)`, () => {
        const styles = fs.readFileSync(path.join(RESOURCES, app, 'styles', 'user-styles.css'), 'utf8');
        expect(styles).to.contain('@import url("../../shenpi/webapp-styles.css");');
      });
    }

    it('should hide the banner and give back its room, only under Camunda\'s header', () => {
      const styles = fs.readFileSync(path.join(RESOURCES, 'shenpi', 'webapp-styles.css'), 'utf8');
      expect(styles).to.match(/\.ce-eol-banner\s*\{\s*display:\s*none !important;\s*\}/);
      // the 工作台 imports the Tasklist's user styles (form-js): nothing there may move its page
      expect(styles.replace(/\/\*[\s\S]*?\*\//g, '').match(/^[^\s{}][^{]*\{/gm)!.filter((rule) => /\bbody\b/.test(rule) && !rule.includes(':has([cam-widget-header])'))).to.deep.equal([]);
    });
  });

  describe(`against the built engine jar (Camunda ${CAMUNDA_VERSION} webjar)`, () => {
    let webjar: Buffer;

    before(function () {
      const found = camundaWebjar();
      if (!found) {
        console.warn('      ⚠ 引擎 jar 尚未构建 (cd engine && mvn package): 跳过与 webjar 的比对');
        this.skip();
      }
      expect(found.name).to.contain(`camunda-webapp-webjar-${CAMUNDA_VERSION}.jar`);
      webjar = found.content;
    });

    for (const app of WEBAPPS) {
      it(`should have the committed key list of ${app} equal to the webjar's en.json`, () => {
        const en = JSON.parse(camundaAppFile(webjar, app, 'locales/en.json')) as LocaleFile;
        expect(keyList(app)).to.deep.equal(keyListOf(en, app));
      });
    }

    it("should keep every tasklist shortcut of 7.24's own config.js", () => {
      const keysOf = (config: string) => [...config.matchAll(/^\s*(\w+):\s*\{\s*key:\s*'([^']+)'/gm)].map(([, name, key]) => `${name}=${key}`).sort();
      const camunda = keysOf(camundaAppFile(webjar, 'tasklist', 'scripts/config.js'));
      expect(camunda).to.have.length.greaterThan(0);
      expect(keysOf(fs.readFileSync(path.join(RESOURCES, 'tasklist', 'scripts', 'config.js'), 'utf8'))).to.deep.equal(camunda);
    });

    it("should put our files on the fat jar's classpath (BOOT-INF/classes), ahead of the webjar", () => {
      const ours = WEBAPPS.flatMap((app) => [`${app}/locales/zh.json`, `${app}/scripts/config.js`, `${app}/styles/user-styles.css`]).concat('shenpi/locale.js', 'shenpi/chinese-names.js', 'shenpi/webapp-styles.css');
      const inJar = engineJarEntries((name) => name.startsWith(`BOOT-INF/classes/${APP_RESOURCES}/`));
      for (const file of ours) {
        const packed = inJar.get(`BOOT-INF/classes/${APP_RESOURCES}/${file}`);
        expect(packed, `${file} 不在 BOOT-INF/classes 中`).to.not.equal(undefined);
        expect(packed!.equals(fs.readFileSync(path.join(RESOURCES, ...file.split('/')))), `${file} 与源文件不同: 请重新构建引擎`).to.equal(true);
      }
    });
  });
});

// Reads Camunda's own web app files (en.json, config.js) out of the built engine jar, where they
// sit in a jar nested in the fat jar (BOOT-INF/lib/camunda-webapp-webjar-*.jar). A small zip
// reader on node:zlib: the locale checks need no unzip tool and no extra package.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ENGINE_JAR } from '../../lib/engine/launch.js';

export const WEBAPPS = ['tasklist', 'cockpit', 'admin', 'welcome'] as const;
export type Webapp = (typeof WEBAPPS)[number];

export interface LocaleFile {
  dateLocales?: Record<string, unknown>;
  labels: Record<string, string>;
}

interface ZipEntry { name: string; method: number; compressedSize: number; localHeaderOffset: number }

function centralDirectory(zip: Buffer): ZipEntry[] {
  const minimum = Math.max(0, zip.length - 0xffff - 22);
  let end = zip.length - 22;
  while (end >= minimum && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < minimum) throw new Error('不是 zip 文件: 找不到中央目录结尾');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`zip 中央目录第 ${i} 项损坏`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return zlib.inflateRawSync(data);
  throw new Error(`${entry.name}: 不支持的 zip 压缩方式 ${entry.method}`);
}

/** The zip's entries whose names match, with their content. */
export function readZipEntries(zip: Buffer, match: (name: string) => boolean): Map<string, Buffer> {
  return new Map(centralDirectory(zip).filter((e) => match(e.name)).map((e) => [e.name, entryData(zip, e)]));
}

/** The webjar of Camunda's web apps inside the engine jar, or undefined before the engine build. */
export function camundaWebjar(): { name: string; content: Buffer } | undefined {
  if (!fs.existsSync(ENGINE_JAR)) return undefined;
  const found = [...readZipEntries(fs.readFileSync(ENGINE_JAR), (name) => /^BOOT-INF\/lib\/camunda-webapp-webjar-[^/]+\.jar$/.test(name))];
  if (found.length !== 1) throw new Error(`${ENGINE_JAR} 中应恰有一个 camunda-webapp-webjar, 实有 ${found.length} 个`);
  return { name: found[0]![0], content: found[0]![1] };
}

/** A file of one web app as Camunda ships it, e.g. `locales/en.json` or `scripts/config.js`. */
export function camundaAppFile(webjar: Buffer, app: Webapp, file: string): string {
  const name = `META-INF/resources/webjars/camunda/app/${app}/${file}`;
  const content = readZipEntries(webjar, (entry) => entry === name).get(name);
  if (!content) throw new Error(`webjar 中没有 ${name}`);
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

/** The engine jar's own entries (what the fat jar puts on the classpath ahead of the webjar). */
export function engineJarEntries(match: (name: string) => boolean): Map<string, Buffer> {
  return readZipEntries(fs.readFileSync(ENGINE_JAR), match);
}

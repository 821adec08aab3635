// A real local HTTP server standing in for the credit platform (信用平台) and a supervising
// department: it stores each credit record once per Idempotency-Key, takes 双公示 batches and
// answers for each record (accepting, or rejecting the licences it is told to), and can be told
// to fail the next requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Stored { body: unknown; deliveries: number; receivedAt: number }

export interface FakeCreditPlatform {
  /** credit records endpoint */
  url: string;
  publicationUrl: string;
  supervisionUrl: string;
  /** the 12345 hotline platform's complaint hand-over endpoint */
  hotlineUrl: string;
  /** credit records stored, by idempotency key */
  records: Map<string, Stored>;
  /** 双公示 records stored, by key (licence number # version) */
  publications: Map<string, Stored>;
  /** decisions received by the supervising department, by idempotency key */
  supervision: Map<string, Stored>;
  /** complaints handed over to the 12345 platform, by idempotency key */
  hotline: Map<string, Stored>;
  /** every credit request, in order, with the status answered */
  requests: Array<{ key: string; status: number }>;
  failNext(count: number, status?: number): void;
  /** down: every connection is dropped without an answer (as a server that is off) */
  setDown(down: boolean): void;
  /** the platform refuses records of this licence number, with the reason */
  reject(licenceNumber: string, reason: string): void;
  close(): Promise<void>;
}

export async function startFakeCreditPlatform(): Promise<FakeCreditPlatform> {
  const records = new Map<string, Stored>();
  const publications = new Map<string, Stored>();
  const supervision = new Map<string, Stored>();
  const hotline = new Map<string, Stored>();
  const requests: Array<{ key: string; status: number }> = [];
  const rejections = new Map<string, string>();
  let failures = 0;
  let down = false;
  let failStatus = 503;
  const store = (map: Map<string, Stored>, key: string, body: unknown): void => {
    const existing = map.get(key);
    if (existing) existing.deliveries += 1;
    else map.set(key, { body, deliveries: 1, receivedAt: Date.now() });
  };
  const server = http.createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (failures > 0) {
        failures -= 1;
        requests.push({ key, status: failStatus });
        res.writeHead(failStatus, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { records?: Array<{ key: string; record: { licenceNumber: string } }> };
      if (req.url === '/publication') {
        const results = (body.records ?? []).map((item) => {
          const reason = rejections.get(item.record.licenceNumber);
          if (reason) return { key: item.key, status: 'rejected', reason };
          store(publications, item.key, item);
          return { key: item.key, status: 'accepted' };
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
        return;
      }
      store(req.url === '/supervision' ? supervision : req.url === '/hotline12345' ? hotline : records, key, body);
      if (req.url === '/credit-records') requests.push({ key, status: 200 });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/credit-records`,
    publicationUrl: `${base}/publication`,
    supervisionUrl: `${base}/supervision`,
    hotlineUrl: `${base}/hotline12345`,
    records,
    hotline,
    publications,
    supervision,
    requests,
    failNext(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    setDown(value) {
      down = value;
    },
    reject(licenceNumber, reason) {
      rejections.set(licenceNumber, reason);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// A real local HTTP server standing in for the credit platform (信用平台): it stores each record
// once per Idempotency-Key, as the platform does, and can be told to fail the next requests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCreditPlatform {
  url: string;
  /** records stored, by idempotency key */
  records: Map<string, { body: unknown; deliveries: number }>;
  /** every request, in order, with the status answered */
  requests: Array<{ key: string; status: number }>;
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startFakeCreditPlatform(): Promise<FakeCreditPlatform> {
  const records = new Map<string, { body: unknown; deliveries: number }>();
  const requests: Array<{ key: string; status: number }> = [];
  let failures = 0;
  let failStatus = 503;
  const server = http.createServer((req, res) => {
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
      const existing = records.get(key);
      if (existing) existing.deliveries += 1;
      else records.set(key, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')), deliveries: 1 });
      requests.push({ key, status: 200 });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/credit-records`,
    records,
    requests,
    failNext(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

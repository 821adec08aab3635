// A real local HTTP receiver (the SMS gateway, a platform's notification callback) on a fixed
// port that can be taken down (nothing listens: connection refused) and brought up again; it
// keeps each message once per Idempotency-Key and counts how often the same key came, with the
// raw body and headers of its last delivery (a signature is checked on exactly those bytes).
import http from 'node:http';
import { freePort } from '../../lib/ports.js';

export interface Received<T> { body: T; deliveries: number; raw: string; headers: http.IncomingHttpHeaders }

export interface FakeReceiver<T> {
  url: string;
  /** messages by idempotency key */
  messages: Map<string, Received<T>>;
  /** refused connections while down are not seen here: only requests that arrived */
  up(): Promise<void>;
  down(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeReceiver<T>(path: string): Promise<FakeReceiver<T>> {
  const port = await freePort();
  const messages = new Map<string, Received<T>>();
  let server: http.Server | undefined;
  const up = async () => {
    if (server) return;
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key'] ?? '');
        const raw = Buffer.concat(chunks).toString('utf8');
        const existing = messages.get(key);
        if (existing) Object.assign(existing, { deliveries: existing.deliveries + 1, raw, headers: req.headers });
        else messages.set(key, { body: JSON.parse(raw) as T, deliveries: 1, raw, headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  };
  const down = async () => {
    const closing = server;
    server = undefined;
    if (closing) await new Promise<void>((resolve) => { closing.closeAllConnections(); closing.close(() => resolve()); });
  };
  await up();
  return { url: `http://127.0.0.1:${port}${path}`, messages, up, down, close: down };
}

export interface SmsBody { to: string; text: string; receiptNumber: string; kind: string; documentNumber: string }
export type FakeSmsGateway = FakeReceiver<SmsBody>;

export const startFakeSmsGateway = (): Promise<FakeSmsGateway> => startFakeReceiver<SmsBody>('/sms');

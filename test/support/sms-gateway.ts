// A real local SMS gateway on a fixed port that can be taken down (nothing listens: connection
// refused) and brought up again; it keeps each message once per Idempotency-Key and counts how
// often the same key came.
import http from 'node:http';
import { freePort } from '../../lib/ports.js';

export interface SmsReceived { body: { to: string; text: string; receiptNumber: string; kind: string; documentNumber: string }; deliveries: number }

export interface FakeSmsGateway {
  url: string;
  /** messages by idempotency key */
  messages: Map<string, SmsReceived>;
  /** refused connections while down are not seen here: only requests that arrived */
  up(): Promise<void>;
  down(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSmsGateway(): Promise<FakeSmsGateway> {
  const port = await freePort();
  const messages = new Map<string, SmsReceived>();
  let server: http.Server | undefined;
  const up = async () => {
    if (server) return;
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = String(req.headers['idempotency-key'] ?? '');
        const existing = messages.get(key);
        if (existing) existing.deliveries += 1;
        else messages.set(key, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsReceived['body'], deliveries: 1 });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"sent":true}');
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
  return { url: `http://127.0.0.1:${port}/sms`, messages, up, down, close: down };
}

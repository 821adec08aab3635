import { expect } from 'chai';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EngineClient } from '../../../lib/engine/client.js';
import { EngineNodes, isIdempotent, mayRetryElsewhere, unreachable } from '../../../lib/engine/nodes.js';
import { freePort } from '../../../lib/ports.js';

const CREDENTIALS = { username: 'admin', password: 'secret' };

/** A node answering every request with its name, counting what it received; or one that drops the connection. */
async function node(name: string, behaviour: 'answer' | 'drop' = 'answer'): Promise<{ url: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.url}`);
    if (behaviour === 'drop') return void req.socket.destroy();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ node: name }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/engine-rest`;
  return { url, received, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

describe('#EngineNodes (fail-over between engine nodes)', () => {
  it('should go round-robin, and put nodes seen down last until their time is up', () => {
    let now = 0;
    const nodes = new EngineNodes(['a', 'b', 'c'], 1000, () => now);
    expect(nodes.order()).to.deep.equal(['a', 'b', 'c']);
    expect(nodes.order()).to.deep.equal(['b', 'c', 'a']);
    nodes.down('c');
    expect(nodes.order()).to.deep.equal(['a', 'b', 'c']);
    expect(nodes.order()).to.deep.equal(['a', 'b', 'c']);
    now = 1001;
    expect(nodes.order()).to.deep.equal(['b', 'c', 'a']);
  });

  it('should call only the engine\'s queries and non-POST requests idempotent', () => {
    expect(isIdempotent('GET', '/task/1')).to.equal(true);
    expect(isIdempotent('PUT', '/process-instance/1/variables/x')).to.equal(true);
    expect(isIdempotent('POST', '/task?firstResult=0')).to.equal(true);
    expect(isIdempotent('POST', '/history/process-instance')).to.equal(true);
    expect(isIdempotent('POST', '/process-instance/count')).to.equal(true);
    expect(isIdempotent('POST', '/task/1/complete')).to.equal(false);
    expect(isIdempotent('POST', '/process-definition/key/x/start')).to.equal(false);
    expect(isIdempotent('POST', '/external-task/fetchAndLock')).to.equal(false);
    expect(mayRetryElsewhere('POST', '/task/1/complete', 'not-sent')).to.equal(true);
    expect(mayRetryElsewhere('POST', '/task/1/complete', 'broken')).to.equal(false);
    expect(mayRetryElsewhere('GET', '/task/1', 'broken')).to.equal(true);
  });

  it('should tell a refused connection from an answer', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const refused = await fetch(closed).then(() => undefined, (error: unknown) => error);
    expect(unreachable(refused)).to.equal('not-sent');
    expect(unreachable(new Error('boom'))).to.equal(undefined);
  });

  it('should send every request to the live node when the other is down, a completion included', async () => {
    const live = await node('live');
    const dead = `http://127.0.0.1:${await freePort()}/engine-rest`;
    try {
      const client = new EngineClient([dead, live.url], CREDENTIALS);
      for (let i = 0; i < 4; i += 1) expect(await client.get('/version')).to.deep.equal({ node: 'live' });
      await client.as({ username: 'clerk', password: 'x' }).post('/task/1/complete', {});
      expect(live.received).to.deep.equal([...Array<string>(4).fill('GET /engine-rest/version'), 'POST /engine-rest/task/1/complete']);
    } finally {
      await live.close();
    }
  });

  it('should NOT send a completion again when its connection broke (the first node may have applied it), but a read', async () => {
    const dropping = await node('dropping', 'drop');
    const live = await node('live');
    try {
      const client = new EngineClient([dropping.url, live.url], CREDENTIALS);
      const failure = await client.post('/task/1/complete', {}).then(() => undefined, (error: unknown) => error);
      expect(unreachable(failure)).to.equal('broken');
      expect(live.received).to.deep.equal([]);
      const nodes = new EngineClient([dropping.url, live.url], CREDENTIALS);
      expect(await nodes.get('/task/1')).to.deep.equal({ node: 'live' });
      expect(dropping.received).to.deep.equal(['POST /engine-rest/task/1/complete', 'GET /engine-rest/task/1']);
    } finally {
      await dropping.close();
      await live.close();
    }
  });

  it('should throw the connection error as before with a single node', async () => {
    const client = new EngineClient(`http://127.0.0.1:${await freePort()}/engine-rest`, CREDENTIALS);
    const failure = await client.get('/version').then(() => undefined, (error: unknown) => error);
    expect(failure).to.be.instanceOf(TypeError);
  });
});

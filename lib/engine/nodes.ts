// The engine nodes a client may talk to (SHENPI_ENGINE_NODES, or a list in SHENPI_ENGINE_URL): a
// homogeneous cluster on one database, so any node answers any request. Requests go round-robin;
// a node that cannot be reached is skipped for a while and the request goes to the next one, but
// only when that cannot apply it twice (see `mayRetryElsewhere`). One node: the request as before.

/** Causes (undici's `cause.code`) that mean the request never reached the node: safe anywhere. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
/** Causes after which the node may have received, and applied, the request: the connection broke. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export type Unreachable = 'not-sent' | 'broken';

/** Why `fetch` failed, when it failed for the connection (not for an answer): else undefined. */
export function unreachable(error: unknown): Unreachable | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const cause = error.cause as { code?: string; cause?: { code?: string } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  if (code && NOT_SENT.has(code)) return 'not-sent';
  if (code && BROKEN.has(code)) return 'broken';
  return undefined;
}

/**
 * Camunda REST requests that change nothing, or whose repetition changes nothing more: reads,
 * PUT (sets a value) and DELETE (a second one finds nothing), and the POST queries. Every other
 * POST (start a case, complete a task, fetch-and-lock, claim, a message) is not sent again after
 * a broken connection: the first node may have committed it. The caller gets the error and looks
 * (the task still open? the case started?) before acting again, as it does with one node.
 */
export function isIdempotent(method: string, path: string): boolean {
  const upper = method.toUpperCase();
  if (upper !== 'POST') return true;
  const bare = path.split('?')[0]!;
  return /\/count$/.test(bare) || /^\/(task|process-instance|history\/[a-z-]+|external-task|job|variable-instance|execution)$/.test(bare);
}

/** May a request that failed for `reason` on one node go to the next? */
export function mayRetryElsewhere(method: string, path: string, reason: Unreachable): boolean {
  return reason === 'not-sent' || isIdempotent(method, path);
}

export class EngineNodes {
  readonly urls: readonly string[];
  private next = 0;
  private readonly downUntil = new Map<string, number>();

  /** `restUrls`: each node's /engine-rest; `downForMs`: how long an unreachable node is skipped */
  constructor(restUrls: string | readonly string[], readonly downForMs = 2000, private readonly now: () => number = Date.now) {
    this.urls = typeof restUrls === 'string' ? [restUrls] : [...restUrls];
    if (this.urls.length === 0) throw new Error('EngineNodes: at least one node');
  }

  /** Every node once, for one request: the next one in turn first, nodes seen down last. */
  order(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.urls.length;
    const turn = this.urls.map((_url, i) => this.urls[(start + i) % this.urls.length]!);
    const now = this.now();
    const isDown = (url: string): boolean => (this.downUntil.get(url) ?? 0) > now;
    return [...turn.filter((url) => !isDown(url)), ...turn.filter(isDown)];
  }

  down(url: string): void {
    this.downUntil.set(url, this.now() + this.downForMs);
  }

  up(url: string): void {
    this.downUntil.delete(url);
  }

  /**
   * `fetch` on the nodes in turn: a node that cannot be reached is marked down and the request
   * goes to the next when `mayRetryElsewhere`; otherwise (or on the last node) the error is thrown.
   */
  async fetch(method: string, path: string, init: RequestInit, fetchImpl: typeof fetch = fetch): Promise<Response> {
    const order = this.order();
    for (let i = 0; ; i += 1) {
      const url = order[i]!;
      try {
        const response = await fetchImpl(url + path, init);
        this.up(url);
        return response;
      } catch (error) {
        const reason = unreachable(error);
        if (reason) this.down(url);
        if (!reason || i === order.length - 1 || !mayRetryElsewhere(method, path, reason)) throw error;
      }
    }
  }
}

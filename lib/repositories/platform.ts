// Platform API: its clients (hashed keys), the online applications they submitted (one per
// Idempotency-Key, with the answer to replay) and the files that came with them.
import type { Knex } from 'knex';
import type { StoredKey } from '../platform/api-keys.js';

export interface PlatformClient {
  id: string;
  name: string;
  ratePerMinute: number | null;
  rateBurst: number | null;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** where the client's applicants' notices are POSTed (lib/notices/callback.ts); null: none */
  callbackUrl: string | null;
}

// callback_secret (lib/notices/signature.ts) is never among the columns read for a client: it is
// written with the URL, read only to sign (activeCallback), and shown once by the route that made it.

const SELECT_CLIENT = ['id', 'name', { ratePerMinute: 'rate_per_minute' }, { rateBurst: 'rate_burst' }, { createdBy: 'created_by' }, { createdAt: 'created_at' }, { revokedAt: 'revoked_at' }, { callbackUrl: 'callback_url' }] as const;

export async function createClient(db: Knex, client: { id: string; name: string; ratePerMinute?: number; rateBurst?: number; callback?: { url: string; secret: string }; createdBy: string }, key: StoredKey): Promise<PlatformClient> {
  await db('platform_client').insert({
    id: client.id, name: client.name, key_salt: key.salt, key_hash: key.hash, rate_per_minute: client.ratePerMinute ?? null, rate_burst: client.rateBurst ?? null,
    callback_url: client.callback?.url ?? null, callback_secret: client.callback?.secret ?? null, created_by: client.createdBy,
  });
  return (await db('platform_client').where({ id: client.id }).first(...SELECT_CLIENT)) as PlatformClient;
}

/** Sets a client's key (and clears a revocation): the dev-mode demo client on every start. */
export async function upsertClient(db: Knex, client: { id: string; name: string; createdBy: string }, key: StoredKey): Promise<void> {
  await db('platform_client').insert({ id: client.id, name: client.name, key_salt: key.salt, key_hash: key.hash, created_by: client.createdBy })
    .onConflict('id').merge({ name: client.name, key_salt: key.salt, key_hash: key.hash, revoked_at: null });
}

export async function revokeClient(db: Knex, id: string): Promise<boolean> {
  return (await db('platform_client').where({ id }).whereNull('revoked_at').update({ revoked_at: db.fn.now() })) > 0;
}

/**
 * Registers (or, with null, removes) an active client's notification callback. A first URL takes
 * `newSecret` (returned as `secret`: the caller shows it once); a corrected URL keeps the secret
 * the platform already has; removing the callback drops the secret with it.
 */
export async function setCallbackUrl(db: Knex, id: string, callbackUrl: string | null, newSecret: string): Promise<{ client: PlatformClient; secret?: string } | undefined> {
  return db.transaction(async (trx) => {
    const current = await trx('platform_client').where({ id }).whereNull('revoked_at').forUpdate().first({ secret: 'callback_secret' });
    if (!current) return undefined;
    const secret = callbackUrl === null ? null : (current.secret as string | null) ?? newSecret;
    await trx('platform_client').where({ id }).update({ callback_url: callbackUrl, callback_secret: secret });
    const client = (await trx('platform_client').where({ id }).first(...SELECT_CLIENT)) as PlatformClient;
    return secret !== null && secret !== current.secret ? { client, secret } : { client };
  });
}

/** Replaces the signing secret of an active client's callback; false when it has no callback. */
export async function rotateCallbackSecret(db: Knex, id: string, secret: string): Promise<boolean> {
  return (await db('platform_client').where({ id }).whereNull('revoked_at').whereNotNull('callback_url').update({ callback_secret: secret })) > 0;
}

/** The active client that submitted the case online (or the 一件事 it is an item of), if it registered a callback. */
export async function callbackClientOfCase(db: Knex, businessKey: string): Promise<string | undefined> {
  const row = await db('platform_submission').join('platform_request', 'platform_request.id', 'platform_submission.request_id')
    .join('platform_client', 'platform_client.id', 'platform_request.client_id')
    // a bundle's item cases are `<bundle business key>:<item key>`
    .where((where) => where.where('platform_submission.business_key', businessKey)
      .orWhereRaw("left(?, length(platform_submission.business_key) + 1) = platform_submission.business_key || ':'", [businessKey]))
    .whereNull('platform_client.revoked_at').whereNotNull('platform_client.callback_url')
    .first({ id: 'platform_client.id' });
  return row?.id as string | undefined;
}

/** Where an active client's callback is now and what signs it (either may have changed since the notice was queued). */
export async function activeCallback(db: Knex, id: string): Promise<{ url: string; secret: string } | undefined> {
  const row = await db('platform_client').where({ id }).whereNull('revoked_at').whereNotNull('callback_url').first({ url: 'callback_url' }, { secret: 'callback_secret' });
  return row ? { url: row.url as string, secret: row.secret as string } : undefined;
}

export async function listClients(db: Knex): Promise<PlatformClient[]> {
  return db('platform_client').orderBy('created_at').select(...SELECT_CLIENT) as Promise<PlatformClient[]>;
}

/** An active client and its stored key, for authentication. */
export async function activeClientKey(db: Knex, id: string): Promise<{ client: PlatformClient; key: StoredKey } | undefined> {
  const row = await db('platform_client').where({ id }).whereNull('revoked_at').first(...SELECT_CLIENT, { salt: 'key_salt' }, { hash: 'key_hash' });
  if (!row) return undefined;
  const { salt, hash, ...client } = row as PlatformClient & StoredKey;
  return { client, key: { salt, hash } };
}

export interface PlatformRequest {
  id: number;
  operation: string;
  requestHash: string;
  responseStatus: number | null;
  response: unknown;
}

const SELECT_REQUEST = ['id', 'operation', { requestHash: 'request_hash' }, { responseStatus: 'response_status' }, 'response'] as const;

export async function findRequest(db: Knex, clientId: string, idempotencyKey: string): Promise<PlatformRequest | undefined> {
  return (await db('platform_request').where({ client_id: clientId, idempotency_key: idempotencyKey }).first(...SELECT_REQUEST)) as PlatformRequest | undefined;
}

/**
 * Claims the Idempotency-Key inside the caller's transaction. A concurrent request with the same
 * key waits on the unique index until this transaction ends, then finds the row (or, after a
 * rollback, claims it itself). Returns the new row's id, or undefined when the key was taken.
 */
export async function claimRequest(trx: Knex.Transaction, claim: { clientId: string; idempotencyKey: string; operation: string; requestHash: string }): Promise<number | undefined> {
  const rows = await trx('platform_request').insert({ client_id: claim.clientId, idempotency_key: claim.idempotencyKey, operation: claim.operation, request_hash: claim.requestHash })
    .onConflict(['client_id', 'idempotency_key']).ignore().returning('id');
  return rows[0] ? Number(rows[0].id) : undefined;
}

export async function completeRequest(trx: Knex.Transaction, id: number, status: number, response: unknown): Promise<void> {
  await trx('platform_request').where({ id }).update({ response_status: status, response: JSON.stringify(response) });
}

export interface NewSubmission { requestId: number; kind: 'item' | 'bundle'; catalogueKey: string; businessKey: string; receiptNumber: string; application: unknown }

export async function insertSubmission(trx: Knex.Transaction, submission: NewSubmission): Promise<number> {
  const [row] = await trx('platform_submission').insert({
    request_id: submission.requestId, kind: submission.kind, catalogue_key: submission.catalogueKey, business_key: submission.businessKey,
    receipt_number: submission.receiptNumber, application: JSON.stringify(submission.application),
  }).returning('id');
  return Number(row.id);
}

export async function setSubmissionInstance(trx: Knex.Transaction, id: number, processInstanceId: string): Promise<void> {
  await trx('platform_submission').where({ id }).update({ process_instance_id: processInstanceId });
}

/** Rows the platform API stored: what the fuzz test counts before and after. */
export async function platformRowCounts(db: Knex): Promise<{ requests: number; submissions: number; attachments: number }> {
  const count = async (table: string): Promise<number> => Number((await db(table).count({ n: '*' }).first())?.n ?? 0);
  return { requests: await count('platform_request'), submissions: await count('platform_submission'), attachments: await count('platform_attachment') };
}

export interface NewAttachment {
  materialCode: string;
  filename: string;
  fileType: string;
  contentType: string;
  sha256: string;
  content: Buffer;
}

export async function storeAttachments(trx: Knex.Transaction, submissionId: number, attachments: NewAttachment[]): Promise<number[]> {
  if (attachments.length === 0) return [];
  const rows = await trx('platform_attachment').insert(attachments.map((attachment) => ({
    submission_id: submissionId, material_code: attachment.materialCode, filename: attachment.filename, file_type: attachment.fileType,
    content_type: attachment.contentType, size_bytes: attachment.content.length, sha256: attachment.sha256, content: attachment.content,
  }))).returning('id');
  return rows.map((row: { id: number | string }) => Number(row.id));
}

export async function attachmentsOfCase(db: Knex, businessKey: string): Promise<Array<{ id: number; materialCode: string; filename: string; fileType: string; sizeBytes: number; sha256: string }>> {
  return db('platform_attachment').join('platform_submission', 'platform_submission.id', 'platform_attachment.submission_id')
    .where('platform_submission.business_key', businessKey).orderBy('platform_attachment.id')
    .select({ id: 'platform_attachment.id' }, { materialCode: 'material_code' }, 'filename', { fileType: 'file_type' }, { sizeBytes: 'size_bytes' }, 'sha256');
}

import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';

// The notification callback's signing secret (lib/notices/signature.ts): stored as is, since
// shenpi must read it to sign each POST. A client that already has a callback gets one now, so
// every callback is signed from here on; nobody has seen it, so its operator rotates it
// (POST /api/platform-clients/:id/callback/secret) and hands the new one to the platform.
// (Same format as newCallbackSecret: a migration does not import the code it may outlive.)
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_client', (table) => {
    table.text('callback_secret');
  });
  for (const { id } of await knex('platform_client').whereNotNull('callback_url').select('id')) {
    await knex('platform_client').where({ id }).update({ callback_secret: `spwh_${randomBytes(32).toString('base64url')}` });
  }
  await knex.raw('alter table platform_client add constraint platform_client_callback_signed check (callback_url is null or callback_secret is not null)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('platform_client', (table) => {
    table.dropChecks(['platform_client_callback_signed']);
    table.dropColumn('callback_secret');
  });
}

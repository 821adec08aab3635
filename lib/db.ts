// knex for the app's own schema; the engine's tables live in a schema of their own.
import path from 'node:path';
import knexModule, { type Knex } from 'knex';
import { PROJECT_ROOT } from './config.js';

const knex = knexModule as unknown as typeof knexModule.knex;

export function createDb(url: string, appSchema: string): Knex {
  return knex({
    client: 'pg',
    connection: url,
    searchPath: [appSchema],
    pool: { min: 0, max: 5 },
    migrations: {
      directory: path.join(PROJECT_ROOT, 'migrations'),
      schemaName: appSchema,
      tableName: 'knex_migrations',
      loadExtensions: ['.ts'],
    },
  });
}

/** Creates both schemas (idempotent), then applies pending migrations; returns their names. */
export async function migrate(db: Knex, appSchema: string, engineSchema: string): Promise<string[]> {
  await db.raw('create schema if not exists ??', [appSchema]);
  await db.raw('create schema if not exists ??', [engineSchema]);
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}

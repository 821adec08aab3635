// Dev mode has one demo platform client whose key is documented and printed at start, like the
// demo users; production mode has no default key, and a demo client left in its database is
// revoked at start.
import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { revokeClient, upsertClient } from '../repositories/platform.js';
import { newApiKey, parseApiKey } from './api-keys.js';

export const DEMO_CLIENT_ID = 'demo';

export async function seedDemoClient(db: Knex, config: Config): Promise<'seeded' | 'revoked' | 'none'> {
  const parsed = config.platformApi.demoKey ? parseApiKey(config.platformApi.demoKey) : undefined;
  if (config.mode === 'dev' && parsed) {
    await upsertClient(db, { id: DEMO_CLIENT_ID, name: '演示平台 (开发模式)', createdBy: 'seed' }, newApiKey(DEMO_CLIENT_ID, parsed.secret).stored);
    return 'seeded';
  }
  return (await revokeClient(db, DEMO_CLIENT_ID)) ? 'revoked' : 'none';
}

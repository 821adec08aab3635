import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { EngineClient } from '../engine/client.js';

/** What the library functions that start or message processes need. */
export interface ProcessDeps {
  db: Knex;
  engine: EngineClient;
  config: Config;
}

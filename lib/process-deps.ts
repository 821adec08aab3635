// What the library functions that store input and start or message a process need (the staff
// API and the online platform's intake call them).
import type { Knex } from 'knex';
import type { Config } from './config.js';
import type { EngineClient } from './engine/client.js';

export interface ProcessDeps {
  db: Knex;
  engine: EngineClient;
  config: Config;
}

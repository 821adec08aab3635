// Calls to shenpi's own web server as a given user.
import type { System } from '../../lib/system.js';
import { DEMO_PASSWORD } from './cases.js';

export const basic = (user: string, password = DEMO_PASSWORD): string => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

export const webBase = (system: System): string => `http://${system.config.web.host}:${system.config.web.port}`;

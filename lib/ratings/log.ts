import { createLogger } from '../log.js';

export const log = createLogger({ component: 'ratings' });

// A supervised child that stays up until told to stop.
import { createLogger } from '../../../lib/log.js';
import { runSupervisedChild } from '../../../lib/supervisor.js';

const timer = setInterval(() => undefined, 1000);
runSupervisedChild(createLogger({ component: 'steady-child' }), async () => clearInterval(timer));

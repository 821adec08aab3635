import { describeItem } from './scenarios.js';

describeItem('gas-connection');

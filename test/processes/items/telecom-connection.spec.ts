import { describeItem } from './scenarios.js';

describeItem('telecom-connection');

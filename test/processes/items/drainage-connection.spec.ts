import { describeItem } from './scenarios.js';

describeItem('drainage-connection');

import { describeItem } from './scenarios.js';

describeItem('power-supply-connection');

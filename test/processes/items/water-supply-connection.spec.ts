import { describeItem } from './scenarios.js';

describeItem('water-supply-connection');

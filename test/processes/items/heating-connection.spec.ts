import { describeItem } from './scenarios.js';

describeItem('heating-connection');

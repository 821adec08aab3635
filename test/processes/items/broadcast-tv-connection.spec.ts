import { describeItem } from './scenarios.js';

describeItem('broadcast-tv-connection');

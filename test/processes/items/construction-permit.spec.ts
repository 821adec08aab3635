import { describeItem } from './scenarios.js';

describeItem('construction-permit');

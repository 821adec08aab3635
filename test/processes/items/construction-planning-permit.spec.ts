import { describeItem } from './scenarios.js';

describeItem('construction-planning-permit');

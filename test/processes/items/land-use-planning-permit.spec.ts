import { describeItem } from './scenarios.js';

describeItem('land-use-planning-permit');

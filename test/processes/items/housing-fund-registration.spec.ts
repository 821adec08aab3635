import { describeItem } from './scenarios.js';

describeItem('housing-fund-registration');

import { describeItem } from './scenarios.js';

describeItem('individual-business-registration');

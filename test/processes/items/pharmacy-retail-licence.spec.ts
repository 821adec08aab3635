import { describeItem } from './scenarios.js';

describeItem('pharmacy-retail-licence');

import { describeItem } from './scenarios.js';

describeItem('food-business-licence');

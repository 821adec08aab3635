import { describeItem } from './scenarios.js';

describeItem('hotel-special-trade-licence');

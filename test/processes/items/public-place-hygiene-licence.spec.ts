import { describeItem } from './scenarios.js';

describeItem('public-place-hygiene-licence');

import { describeItem } from './scenarios.js';

describeItem('seal-engraving-filing');

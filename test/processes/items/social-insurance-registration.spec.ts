import { describeItem } from './scenarios.js';

describeItem('social-insurance-registration');

import { describeItem } from './scenarios.js';

describeItem('enterprise-establishment-registration');

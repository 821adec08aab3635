import { describeItem } from './scenarios.js';

describeItem('road-facility-attachment-permit');

import { describeItem } from './scenarios.js';

describeItem('bridge-pipeline-permit');

import { describeItem } from './scenarios.js';

describeItem('road-occupation-excavation-permit');

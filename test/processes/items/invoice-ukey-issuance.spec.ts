import { describeItem } from './scenarios.js';

describeItem('invoice-ukey-issuance');

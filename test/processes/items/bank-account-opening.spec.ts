import { describeItem } from './scenarios.js';

describeItem('bank-account-opening');

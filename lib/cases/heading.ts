// What every view of a case opens with (the applicant's progress, the task panel in the 工作台):
// its number, item, applicant, where it stands and its dates, named alike everywhere.
import type { CaseRecord } from '../repositories/cases.js';

export type CaseHeading = Pick<CaseRecord, 'receiptNumber' | 'itemName' | 'applicantName' | 'status' | 'receivedOn' | 'acceptedOn'>;

export const caseHeading = (record: CaseRecord): CaseHeading => ({
  receiptNumber: record.receiptNumber,
  itemName: record.itemName,
  applicantName: record.applicantName,
  status: record.status,
  receivedOn: record.receivedOn,
  acceptedOn: record.acceptedOn,
});

// 政务失信投诉: intake (window or 12345), and reading a complaint with its timeline.
import type { Knex } from 'knex';
import { complaintSteps, findComplaint, type ComplaintRecord } from '../repositories/complaints.js';

export { fileComplaint, type ComplaintInput, type ComplaintResult } from './file.js';
export { COMPLAINT_CHANNELS, COMPLAINT_DEADLINES, COMPLAINT_FIELDS, COMPLAINT_PROCESS, HOTLINE_CHANNEL } from './rules.js';
export { complaintBusinessKey } from '../cases/identity.js';

/** A complaint with its timeline, or undefined. */
export async function complaintWithSteps(db: Knex, complaintNumber: string): Promise<(ComplaintRecord & { steps: Array<{ status: string; note: string | null; at: Date }> }) | undefined> {
  const complaint = await findComplaint(db, complaintNumber);
  return complaint && { ...complaint, steps: await complaintSteps(db, complaint.id) };
}

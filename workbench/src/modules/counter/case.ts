// The case beside a task (GET /api/workbench/tasks/:id/case, lib/workbench/case-context.ts).
export interface CaseContext {
  receiptNumber: string;
  itemName: string;
  applicantName: string;
  status: string;
  receivedOn: string;
  acceptedOn: string | null;
  decisionDeadline: string | null;
  opinions: Array<{ taskId: string; step: string; by: string | null; at: string; fields: Array<{ label: string; value: string }> }>;
  materials: Array<{ name: string; required: boolean; received: boolean; deferrable: boolean }>;
  documents: Array<{ id: number; title: string; kindName: string; documentNumber: string; issuedOn: string; href: string }>;
  urges: Array<{ at: string; note: string | null }>;
}

export interface TaskSummary { receiptNumber: string; item: string; applicant: string; assigneeName: string | null; due: string | null }

// The case beside a task: GET /api/workbench/tasks/:id/case answers lib/workbench/case-context.ts's CaseContext.
export type { CaseContext } from '../../../../lib/workbench/case-context';

export interface TaskSummary { receiptNumber: string; item: string; applicant: string; assigneeName: string | null; due: string | null }

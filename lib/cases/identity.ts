// The case's identity (conventions, rule 11): the numbers people read (受理编号 SP…, 投诉编号 TS…)
// and the business keys the engine knows a case by are minted and parsed here, and nowhere
// else. Item cases, 一件事 bundles, bad ratings and integrity complaints all take their keys
// from this module; the generated BPMN takes the expressions below.
import { randomUUID } from 'node:crypto';
import { NotFound } from '../errors.js';

const numbered = (prefix: string, on: string, sequence: number | string): string => `${prefix}${on.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;

/** 受理编号 of a case received on an ISO date: `SP<yyyymmdd><sequence, 6 digits at least>`. */
export const formatReceiptNumber = (receivedOn: string, sequence: number | string): string => numbered('SP', receivedOn, sequence);

/** 投诉编号 of an integrity complaint received on an ISO date: `TS<yyyymmdd><sequence>`. */
export const formatComplaintNumber = (receivedOn: string, sequence: number | string): string => numbered('TS', receivedOn, sequence);

/** What the APIs accept as a 受理编号 (SP and 14 digits). */
export const RECEIPT_NUMBER_PATTERN = /^SP\d{14}$/;

/** A 受理编号 or 投诉编号 read back: its kind and the day it was received (ISO date). */
export function parseCaseNumber(text: string): { kind: 'receipt' | 'complaint'; receivedOn: string; sequence: number } | undefined {
  const match = /^(SP|TS)(\d{4})(\d{2})(\d{2})(\d{6,})$/.exec(text);
  if (!match) return undefined;
  return { kind: match[1] === 'SP' ? 'receipt' : 'complaint', receivedOn: `${match[2]}-${match[3]}-${match[4]}`, sequence: Number(match[5]) };
}

/** A receipt number that names no case: 404 over HTTP, the problem naming the field. */
export function unknownCase(receiptNumber: string): NotFound {
  const message = `没有受理编号为 ${receiptNumber} 的办件`;
  return new NotFound(message, [{ field: 'receiptNumber', rule: 'caseExists', message }]);
}

/** An application from the 网上平台 (the receipt number is reserved beside it). */
export const onlineBusinessKey = (): string => `online-${randomUUID()}`;

/**
 * A case started at the desk (Tasklist, 工作台) has no business key until its start event gives
 * it one: this JUEL expression, evaluated by the engine, since only the engine knows the id.
 * Change the desk key here (and in `deskBusinessKey`) and regenerate processes/.
 */
export const DESK_BUSINESS_KEY_EXPRESSION = "'desk-'.concat(execution.processInstanceId)";
export const deskBusinessKey = (processInstanceId: string): string => `desk-${processInstanceId}`;
/**
 * A case the 工作台's 一窗受理 starts is keyed by its 受理编号 itself, reserved before the start
 * (lib/repositories/cases.ts reserveDeskBusinessKey), so Cockpit finds it by the applicant's number.
 */
export const deskReceiptBusinessKey = (receiptNumber: string): string => receiptNumber;

/** Each item case of a 一件事 is keyed by its bundle's key and the item's key. */
export const bundleItemBusinessKey = (bundleBusinessKey: string, itemKey: string): string => `${bundleBusinessKey}:${itemKey}`;
/** The same, as the bundle process's call activity writes it (the item key is the loop variable). */
export const BUNDLE_ITEM_BUSINESS_KEY_EXPRESSION = '#{execution.processBusinessKey}:#{bundleItemKey}';
/** A LIKE pattern matching the item cases of a bundle case. */
export const bundleItemsPattern = (bundleBusinessKey: string): string => `${bundleBusinessKey}:%`;

/** The handling of a bad rating (差评核实整改) of the case with this receipt number. */
export const ratingBusinessKey = (receiptNumber: string): string => `rating:${receiptNumber}`;

/** An integrity complaint's process (诚信建设投诉). */
export const complaintBusinessKey = (complaintNumber: string): string => `complaint:${complaintNumber}`;

export type ParsedBusinessKey =
  | { kind: 'online' }
  | { kind: 'desk'; processInstanceId: string }
  | { kind: 'desk-receipt'; receiptNumber: string }
  | { kind: 'bundle-item'; bundleBusinessKey: string; itemKey: string }
  | { kind: 'rating'; receiptNumber: string }
  | { kind: 'complaint'; complaintNumber: string }
  | { kind: 'unknown' };

/** What a business key names: the inverse of the functions above. */
export function parseBusinessKey(key: string): ParsedBusinessKey {
  if (key.startsWith('rating:')) return { kind: 'rating', receiptNumber: key.slice('rating:'.length) };
  if (key.startsWith('complaint:')) return { kind: 'complaint', complaintNumber: key.slice('complaint:'.length) };
  const colon = key.lastIndexOf(':');
  if (colon > 0) return { kind: 'bundle-item', bundleBusinessKey: key.slice(0, colon), itemKey: key.slice(colon + 1) };
  if (key.startsWith('online-')) return { kind: 'online' };
  if (key.startsWith('desk-')) return { kind: 'desk', processInstanceId: key.slice('desk-'.length) };
  if (RECEIPT_NUMBER_PATTERN.test(key)) return { kind: 'desk-receipt', receiptNumber: key };
  return { kind: 'unknown' };
}

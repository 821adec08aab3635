// Check digits of the two identifiers every application carries. Pure functions: the caller
// needs to know WHICH rule failed (一次性告知 names it), so results are not booleans.

export type IdentifierRule = 'registration-authority' | 'length' | 'charset' | 'check-digit' | 'org-code-check-digit' | 'birth-date' | 'region';

export type IdentifierCheck = { ok: true } | { ok: false; rule: IdentifierRule; message: string };

const OK: IdentifierCheck = { ok: true };
const fail = (rule: IdentifierRule, message: string): IdentifierCheck => ({ ok: false, rule, message });

// GB 32100-2015: the 31 characters (no I, O, Z, S, V) and the weights of positions 1–17.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997 organisation code: 8 body characters, weights, mod 11.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCodeCheckChar(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i]!;
    const value = /[0-9]/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : NaN;
    if (Number.isNaN(value)) return undefined;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * 统一社会信用代码 (GB 32100-2015). Upper case only, as the standard writes it. Some codes from
 * early pilots fail the check: a clerk may override, and the override is recorded elsewhere.
 */
/** GB 32100-2015 登记管理部门码: 1 机构编制 … 9 市场监管, A 中央军委改革和编制办公室, N 农业农村, Y 其他 */
const REGISTRATION_AUTHORITIES = '123456789ANY';

export function checkCreditCode(code: string): IdentifierCheck {
  if (code.length !== 18) return fail('length', `统一社会信用代码应为 18 位, 实际为 ${code.length} 位`);
  for (const c of code) {
    if (!USCC_CHARS.includes(c)) return fail('charset', `统一社会信用代码含有不允许的字符「${c}」(只允许数字和除 I、O、Z、S、V 外的大写字母)`);
  }
  if (!REGISTRATION_AUTHORITIES.includes(code[0]!)) return fail('registration-authority', `统一社会信用代码第 1 位 (登记管理部门码)「${code[0]}」不存在: 应为 1-9、A、N 或 Y`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  const expected = USCC_CHARS[(31 - (sum % 31)) % 31];
  if (code[17] !== expected) return fail('check-digit', '统一社会信用代码校验位不正确');
  // positions 9–17 hold the organisation code with its own check character
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return fail('org-code-check-digit', '统一社会信用代码中的组织机构代码校验位不正确');
  return OK;
}

/** The code with both check characters for a 16-character start (8 prefix + 8 organisation body). */
export function completeCreditCode(start: string): string {
  if (!/^[0-9A-HJ-NP-RT-UW-Y]{8}[0-9A-Z]{8}$/.test(start)) throw new Error(`统一社会信用代码前 16 位格式不正确: ${start}`);
  const withOrg = start + orgCodeCheckChar(start.slice(8))!;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(withOrg[i]!) * USCC_WEIGHTS[i]!;
  return withOrg + USCC_CHARS[(31 - (sum % 31)) % 31];
}

// GB 11643-1999
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]);

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 居民身份证号码 (GB 11643-1999), 18 digits with check character; lower-case x is accepted. */
export function checkIdCardNumber(id: string, today: Date = new Date()): IdentifierCheck {
  const value = id.toUpperCase();
  if (value.length !== 18) return fail('length', `居民身份证号码应为 18 位, 实际为 ${value.length} 位`);
  if (!/^\d{17}[\dX]$/.test(value)) return fail('charset', '居民身份证号码前 17 位应为数字, 最后一位为数字或 X');
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return fail('region', '居民身份证号码的地址码 (前两位) 不是有效的省级行政区代码');
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  if (year < 1900 || !isRealDate(year, month, day) || birth > today.getTime()) {
    return fail('birth-date', `居民身份证号码中的出生日期 ${value.slice(6, 14)} 无效`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  if (value[17] !== ID_CHECK[sum % 11]) return fail('check-digit', '居民身份证号码校验位不正确');
  return OK;
}

/**
 * For public listings (双公示): first 3 and last 4 characters kept, the rest starred, so the
 * region and birth date are never shown. A natural person's number never appears unmasked.
 */
export function maskIdCardNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Masks a valid personal ID number (public pages, 双公示); any other code passes unchanged. */
export function maskPersonalCode(code: string): string {
  return checkIdCardNumber(code).ok ? maskIdCardNumber(code) : code;
}

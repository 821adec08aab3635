// The applicant's proof of a case over the platform API (办件查询, 好差评): the applicant's code
// or the phone given in the application, exactly one of them.
import { HttpError } from '../errors.js';

/** The applicant's proof (exactly one of applicantCode, phone); `others`: further fields the body may hold. */
export function applicantProof(body: unknown, others: readonly string[] = []): { applicantCode?: string; phone?: string } {
  const query = (body && typeof body === 'object' && !Array.isArray(body) ? body : undefined) as Record<string, unknown> | undefined;
  const problems = [];
  if (!query) {
    problems.push({ field: '/', rule: 'type', message: '查询条件应为 JSON 对象 {"applicantCode": …} 或 {"phone": …}' });
  } else {
    for (const key of Object.keys(query)) if (key !== 'applicantCode' && key !== 'phone' && !others.includes(key)) problems.push({ field: `/${key}`, rule: 'additionalProperties', message: `查询条件中含有未定义的项「${key}」` });
    const given = ['applicantCode', 'phone'].filter((key) => query[key] !== undefined);
    if (given.length !== 1) problems.push({ field: '/applicantCode', rule: 'oneOf', message: '须且只能填写申请人证件号码 applicantCode 或联系电话 phone 之一' });
    for (const [key, max] of [['applicantCode', 40], ['phone', 20]] as const) {
      const value = query[key];
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '' || value.length > max)) problems.push({ field: `/${key}`, rule: 'type', message: `「${key}」应为 1 到 ${max} 个字符的字符串` });
    }
  }
  if (problems.length) throw new HttpError(422, 'invalid-query', '查询条件无效', problems);
  return { applicantCode: query!.applicantCode as string | undefined, phone: query!.phone as string | undefined };
}

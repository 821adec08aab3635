// CSRF for the staff pages and API. The browser sends HTTP Basic credentials by itself with any
// request to this site, so another site could make a logged-in clerk's browser publish a
// calendar year or repair the 双公示 ledger. A state-changing request must therefore be one that
// a page of another site cannot send without this site's consent (CORS): one carrying a custom
// header (X-Requested-With) or a body type a form cannot send (application/json, a workbook);
// and a request the browser itself marks as cross-site (Sec-Fetch-Site) is refused outright.
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** the body types an HTML form or a no-cors fetch may send (CORS "simple" content types) */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export const CSRF_HEADER = 'X-Requested-With';

const refused = (message: string): HttpError => new HttpError(403, 'csrf', message, [{ field: CSRF_HEADER, rule: 'csrf', message }]);

export function requireSameSiteWrites() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') return next(refused('跨站请求被拒绝: 修改数据的请求只能来自 shenpi 自己的页面'));
    if (req.headers[CSRF_HEADER.toLowerCase()]) return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type && !FORM_TYPES.includes(type)) return next();
    next(refused(`修改数据的请求须带请求头 ${CSRF_HEADER} (防跨站请求伪造), 或以 application/json 提交`));
  };
}

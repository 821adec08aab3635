import type { NextFunction, Request, Response } from 'express';
import { forbidden } from './errors.js';

/** Lets through members of one of the groups (the admin group camunda-admin always). */
export function requireGroup(...groups: string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const mine = req.user?.groups ?? [];
    if (mine.includes('camunda-admin') || groups.some((group) => mine.includes(group))) return next();
    next(forbidden(`需要以下科室之一的权限: ${groups.join('、')}`));
  };
}

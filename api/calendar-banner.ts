// The working-day calendar's warning on every staff page the web server renders: a banner at the
// top of the page from 60 days before the last published day (lib/calendar/horizon.ts). Read
// once a minute at most, not on every page.
import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { currentHorizon, type CalendarHorizon } from '../lib/calendar/horizon.js';
import type { Config } from '../lib/config.js';
import { escapeHtml } from './html.js';

const CACHE_MS = 60_000;

export function calendarHorizonCache(db: Knex, config: Config): () => Promise<CalendarHorizon> {
  let cached: { horizon: CalendarHorizon; until: number } | undefined;
  return async () => {
    if (!cached || cached.until < Date.now()) cached = { horizon: await currentHorizon(db, config), until: Date.now() + CACHE_MS };
    return cached.horizon;
  };
}

export function bannerHtml(horizon: CalendarHorizon): string {
  if (!horizon.warning) return '';
  return `<div role="alert" class="shenpi-calendar-banner">⚠ ${escapeHtml(horizon.message!)} <a href="/calendar">去录入 ${horizon.nextYear} 年</a></div>`;
}

/** Puts the banner right after <body> of the HTML pages sent after it. */
export function calendarBanner(horizon: () => Promise<CalendarHorizon>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'GET') return next();
    const banner = bannerHtml(await horizon());
    if (!banner) return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const html = typeof body === 'string' && /^\s*<!doctype html/i.test(body);
      return send(html ? (body as string).replace(/<body([^>]*)>/i, (tag) => `${tag}${banner}`) : body);
    };
    next();
  };
}

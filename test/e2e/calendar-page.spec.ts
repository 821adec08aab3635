// An analyst enters a year at /calendar in real Chromium, as the State Council's notice lists it:
// a wrong date is named in Chinese and nothing is saved; the preview shows the working days; the
// year is published. 2030 here is TEST DATA, not a real schedule.
import { expect } from 'chai';
import { calendarYear, withdrawCalendarYear } from '../../lib/repositories/calendar.js';
import { useBrowser } from '../support/browser.js';
import { DEMO_PASSWORD } from '../support/cases.js';
import { webBase } from '../support/web.js';

describe('the working-day calendar page (Chromium)', function () {
  this.timeout(300_000);
  const suite = useBrowser();
  after(async () => { if (suite.system) await withdrawCalendarYear(suite.system.db, 2030); });

  it('should let an analyst enter, preview and publish a year, refusing an impossible date', async () => {
    const { system, browser } = suite;
    await withdrawCalendarYear(system.db, 2030);
    const context = await browser.newContext({ httpCredentials: { username: 'analyst1', password: DEMO_PASSWORD }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${webBase(system)}/calendar`);
    await page.locator('#year').fill('2030');
    await page.getByRole('button', { name: '载入' }).click();
    await page.getByText('2030 年未发布, 暂无数据').waitFor();

    await page.getByRole('button', { name: '添加放假安排' }).click();
    const holiday = page.locator('#holidays tr').first();
    await holiday.getByLabel('节日').fill('国庆节');
    await holiday.getByLabel('开始日期').fill('2030-10-01');
    await holiday.getByLabel('结束日期').fill('2030-10-07');
    await page.getByRole('button', { name: '添加调休上班日' }).click();
    const workday = page.locator('#workdays tr').first();
    await workday.getByLabel('节日').fill('国庆节');
    // a weekday: 调休上班 is a weekend day worked
    await workday.getByLabel('日期').fill('2030-10-08');
    await page.getByRole('button', { name: '保存 (不发布)' }).click();
    await page.getByText('调休上班日 2030-10-08 不是周六或周日').waitFor();
    expect(await workday.getByLabel('日期').getAttribute('class')).to.contain('invalid');
    expect((await calendarYear(system.db, 2030)).days).to.deep.equal([]);

    await workday.getByLabel('日期').fill('2030-09-29');
    await page.getByRole('button', { name: '预览工作日' }).click();
    // October 2030: 23 weekdays, 10-01 … 10-04 and 10-07 off (5), Sunday 9-29 is in September
    await page.getByText('10 月 (18 个工作日)').waitFor();
    await page.getByText('9 月 (22 个工作日)').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('已发布 2030 年 (8 个例外日)').waitFor();
    const stored = await calendarYear(system.db, 2030);
    expect(stored.published).to.equal(true);
    expect(stored.days.map((day) => `${day.date}:${day.kind}`)).to.deep.equal(['2030-09-29:workday', ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2030-10-${d}:holiday`)]);
    expect(errors).to.deep.equal([]);
    await context.close();
  });
});

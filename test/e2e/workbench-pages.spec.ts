// The 工作台's 待办 pages (Element Plus pagination): 45 open tasks of a section are three pages
// of 20, in deadline order across pages, and a search still finds a task on the last page.
import { expect } from 'chai';
import { artifact, logInToWorkbench, useBrowser } from '../support/browser.js';
import { deployOpenTasks, startOpenTasks } from '../support/open-tasks.js';
import { probeUser, webBase } from '../support/web.js';

describe('the 工作台 待办 pages (Chromium)', function () {
  this.timeout(240_000);
  const suite = useBrowser();
  let instance: string | undefined;

  after(async () => {
    if (instance) await suite.system.admin.delete(`/process-instance/${instance}?skipCustomListeners=true`);
  });

  it('should page 本科室待办 by deadline and find a task of the last page by its 受理编号', async () => {
    const tag = `WP${Date.now().toString(36).toUpperCase()}`;
    await deployOpenTasks(suite.system.admin);
    // created latest deadline first (the engine sorts them), before any other test's deadlines
    instance = await startOpenTasks(suite.system.admin, `pages-${tag}`, 'ratingOffice', '公共场所卫生许可',
      Array.from({ length: 45 }, (_, i) => ({ receiptNumber: `${tag}-${String(44 - i).padStart(2, '0')}`, applicantName: `申请人${i}`, due: new Date(Date.UTC(2020, 0, 1) + (44 - i) * 3600_000) })));
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const receipts = async () => (await page.locator('.el-table__row td:first-child').allInnerTexts()).filter((text) => text.startsWith(tag));

    await logInToWorkbench(page, webBase(suite.system), await probeUser(suite.system, ['ratingOffice']));
    await page.locator('.filter-button', { hasText: '本科室待办' }).click();
    await page.locator('.todo-pages').waitFor();
    await page.waitForLoadState('networkidle');
    const first = await receipts();
    const total = Number(/共 (\d+) 条/.exec(await page.locator('.todo-pages').innerText())?.[1]);
    await page.locator('.todo-pages .btn-next').click();
    await page.locator('.el-table__row td:first-child', { hasText: `${tag}-20` }).waitFor();
    const second = await receipts();
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' }); // the page as the clerk reads it, not while it loads
    await page.screenshot({ path: artifact('workbench-pages.png') });
    await page.getByPlaceholder('按受理编号、申请人或事项搜索').fill(`${tag}-44`);
    await page.getByText('在全部待办中搜索, 共 1 件').waitFor();

    expect(total).to.be.at.least(45);
    expect(first).to.have.length(20);
    expect(first[0]).to.equal(`${tag}-00`);
    expect(second[0]).to.equal(`${tag}-20`);
    expect(await receipts()).to.deep.equal([`${tag}-44`]);
    await context.close();
  });
});

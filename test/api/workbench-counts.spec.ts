// The 工作台's filter counts (api/routes/workbench-tasks.ts): kept briefly per user, answered
// once more while counted again, asked again after the user's own change; and the search the
// filter is extended with takes the user's words literally.
import { expect } from 'chai';
import { FilterCounts, searchExtension } from '../../api/routes/workbench-tasks.js';
import { jdbcSettings } from '../../lib/postgres.js';

describe('the 工作台 filter counts', () => {
  it('should count once while fresh, per user, and again after the user changed a task', async () => {
    const counts = new FilterCounts(60_000, 300_000);
    let asked = 0;
    const count = async () => ++asked;

    const first = await counts.get('market1', 'f1', '', count);
    const again = await counts.get('market1', 'f1', '', count);
    const colleague = await counts.get('market2', 'f1', '', count);
    counts.forget('market1');
    const afterClaim = await counts.get('market1', 'f1', '', count);

    expect([first, again, colleague, afterClaim]).to.deep.equal([1, 1, 2, 3]);
  });

  it('should answer a stale count once while the engine counts again', async () => {
    const counts = new FilterCounts(0, 300_000);
    let asked = 0;
    await counts.get('market1', 'f1', '', async () => ++asked);

    const stale = await counts.get('market1', 'f1', '', async () => ++asked);
    await new Promise((resolve) => setImmediate(resolve));
    const refreshed = await counts.get('market1', 'f1', '', async () => 99);

    expect(stale).to.equal(1);
    expect(refreshed).to.equal(2);
  });

  it('should search the three case columns with the words taken literally', () => {
    const extension = searchExtension(' 50%_a\\b ') as { orQueries: Array<{ taskVariables: Array<{ name: string; operator: string; value: string }>; variableValuesIgnoreCase: boolean }> };

    expect(searchExtension('  ')).to.deep.equal({});
    expect(extension.orQueries[0]!.taskVariables.map((variable) => variable.name)).to.deep.equal(['listReceiptNumber', 'listApplicant', 'listItem']);
    expect(extension.orQueries[0]!.taskVariables[0]).to.include({ operator: 'like', value: '%50\\%\\_a\\\\b%' });
    expect(extension.orQueries[0]!.variableValuesIgnoreCase).to.equal(true);
  });

  it('should give the engine\'s connections the in-memory random page cost and custom plans, keeping a URL\'s own options', () => {
    const plain = new URL(jdbcSettings('postgres://shenpi:pw@127.0.0.1:5432/shenpi', 'camunda').url.replace(/^jdbc:/, ''));
    const own = new URL(jdbcSettings('postgres://shenpi:pw@127.0.0.1:5432/shenpi?options=-c%20statement_timeout%3D5000', 'camunda').url.replace(/^jdbc:/, ''));

    expect(plain.searchParams.get('options')).to.equal('-c random_page_cost=1.1 -c plan_cache_mode=force_custom_plan');
    expect(own.searchParams.get('options')).to.equal('-c statement_timeout=5000 -c random_page_cost=1.1 -c plan_cache_mode=force_custom_plan');
    expect(plain.searchParams.get('currentSchema')).to.equal('camunda');
  });
});

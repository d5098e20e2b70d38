import { afterAll, describe, expect, it } from 'vitest';
import type { InboxPackage } from '../../../../../src-shared/contract/office-channels';
import type { InboxData } from '../../../../../src-renderer/features/office/inbox/inbox-data';
import { InboxChart } from '../../../../../src-renderer/features/office/inbox/inbox-chart';
import { InboxOverview } from '../../../../../src-renderer/features/office/inbox/inbox-overview';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderStatic, testServices } from '../../../support/static-render';

const db = openTestDatabase('inbox-overview');
afterAll(() => db.delete());

const services = testServices(db);

const hex = (c: string): string => c.repeat(64);

const pledge: InboxPackage = {
  packageId: 'p1',
  receivedAt: '2026-03-02T08:00:00Z',
  payloadSha256: hex('1'),
  payload: {
    schema: 'scorebook.pledge/1',
    kind: 'pledge',
    packageId: '01900000-0000-7000-8000-000000000000',
    cycleId: 'c1',
    issuer: 'e1',
    keyId: hex('2'),
    createdAt: '2026-03-02T08:00:00Z',
    app: { name: 'Scorebook', version: '0.1.0' },
    pledgeTextSha256: hex('3'),
    accepted: true,
  },
};

function data(overrides: Partial<InboxData['inbox']> = {}): InboxData {
  return {
    inbox: { packages: [pledge], rejected: [], acceptedCount: 3, ...overrides },
    experts: [],
    assignments: [
      {
        assignmentId: 'as1',
        cycleId: 'c1',
        stage: 'material',
        expertId: 'e2',
        panelId: 'panel-1',
        applicantIds: ['a1', 'a2'],
        packageId: 'pa',
        payloadSha256: hex('4'),
        fileName: 'as1.qapkg',
        issuedAt: '2026-03-01T08:00:00Z',
      },
    ],
    applicantNames: new Map(),
  };
}

function render(value: InboxData): string {
  return renderStatic(<InboxOverview cycleId="c1" data={value} />, { services });
}

describe('InboxOverview', () => {
  it('counts the packages per kind and in all', () => {
    expect(render(data())).toContain('评分表 0 份、回避声明 0 份、保密承诺 1 份（均为最新版本）；累计接受 3 个评分包');
  });

  it('lists each expert with sheets in / expected and a labelled receipts export, off when there is nothing', () => {
    const html = render(data());
    const table = html.slice(html.indexOf('data-testid="inbox-experts"'));
    expect(table).toMatch(/<th scope="row">e1<\/th><td>0 \/ 0 份<\/td><td>0<\/td><td>1<\/td>/);
    expect(table).toMatch(/<th scope="row">e2<\/th><td>0 \/ 2 份<\/td>/);
    expect(table).toMatch(/<button type="button" aria-label="导出 e1 的回执"(?![^>]*disabled)/);
    expect(table).toMatch(/<button type="button" aria-label="导出 e2 的回执" disabled=""/);
  });

  it('ties the chart to the table that carries its numbers', () => {
    const html = render(data());
    expect(html).toMatch(/<table[^>]*id="[^"]+"[^>]*data-testid="inbox-experts"/);
    const chart = renderStatic(
      <InboxChart
        rows={[
          { expertId: 'e1', name: '张三', sheetsIn: 1, sheetsExpected: 3, declarations: 0, pledges: 0, packages: 1 },
        ]}
        tableId="the-table"
      />,
    );
    expect(chart).toContain('<figcaption>评分表收件进度</figcaption>');
    expect(chart).toContain(
      'role="img" aria-label="各专家已收与应收评分表：张三 已收 1 份、应收 3 份" aria-describedby="the-table"',
    );
  });

  it('lists every refusal so far with time, code and reason', () => {
    const html = render(
      data({
        rejected: [{ name: 'x.qapkg', sha256: hex('5'), code: 'E_SIG', params: {}, at: '2026-03-02T09:30:12.000Z' }],
      }),
    );
    expect(html).toContain('历次拒收（1）');
    expect(html).toContain('2026-03-02 09:30');
    expect(html).toContain('签名验证失败');
  });

  it('says so when nothing was issued, received or refused', () => {
    const html = render(data({ packages: [], acceptedCount: 0 }));
    expect(html).toContain('尚无拒收的文件。');
    const none = render({ ...data({ packages: [] }), assignments: [] });
    expect(none).toContain('本周期尚未签发任务包，也未收到评分包。');
  });
});

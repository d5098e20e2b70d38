import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../../src-renderer/features/office/inbox/inbox-import-run';
import { InboxImportPanel } from '../../../../../src-renderer/features/office/inbox/inbox-import-panel';
import type { InboxImportState } from '../../../../../src-renderer/features/office/inbox/use-inbox-import';
import { renderStatic, type TestLang } from '../../../support/static-render';

const names = {
  expert: (id: string) => (id === 'e1' ? '张三' : id),
  applicant: (id: string) => (id === 'a1' ? '天山机械' : id),
};

function render(state: InboxImportState, lang: TestLang = 'zh-CN'): string {
  return renderStatic(<InboxImportPanel state={state} onFiles={() => undefined} names={names} />, { lang });
}

const sha = 'ab'.repeat(32);

const report: ImportReport = {
  total: 5,
  accepted: [
    {
      outcome: 'accepted',
      name: 'sheet-1.qapkg',
      packageId: 'p1',
      kind: 'sheet',
      expertId: 'e1',
      cycleId: 'c1',
      stage: 'material',
      applicantId: 'a1',
      seq: 2,
      payloadSha256: sha,
      receiptId: 'receipt-new',
    },
    {
      outcome: 'duplicate',
      name: 'pledge.qapkg',
      packageId: 'p2',
      kind: 'pledge',
      expertId: 'e1',
      cycleId: 'c1',
      stage: null,
      applicantId: null,
      seq: null,
      payloadSha256: sha,
      receiptId: 'receipt-original',
    },
  ],
  rejected: [
    { name: 'old.qapkg', code: 'E_ROLLBACK', params: { seq: 1, lastSeq: 2 }, sha256: sha },
    { name: 'huge.qapkg', code: 'E_TOO_LARGE', params: { size: 20_000_000, limit: 9_437_184 }, sha256: null },
  ],
  failures: [{ names: ['lost.qapkg'], error: { code: 'E_TRANSPORT', params: { detail: 'offline' } } }],
};

describe('InboxImportPanel', () => {
  it('shows a labelled progress bar with “n / total” while batches run', () => {
    const html = render({ phase: 'busy', done: 50, total: 120, skipped: 0 });
    expect(html).toMatch(/<progress id="([^"]+)" max="120" value="50"/);
    expect(html).toMatch(/<label for="[^"]+">导入进度<\/label>/);
    expect(html).toContain('已处理 50 / 120 个文件');
    expect(html).toContain('aria-live="polite"');
    // Both pickers are disabled while an import runs; the drop zone says why.
    expect(html.match(/<input[^>]*disabled=""/g)).toHaveLength(2);
    expect(html).toContain('正在导入，完成后可继续拖放。');
  });

  it('offers a multi-file .qapkg picker, a folder picker and a labelled drop zone', () => {
    const html = render({ phase: 'idle' });
    expect(html).toMatch(/<input type="file" multiple="" accept=".qapkg"/);
    expect(html).toContain('选择文件夹…');
    expect(html).toMatch(/role="group" aria-label="将评分包文件或整个文件夹拖放到此处"/);
  });

  it('sums up the import and lists accepted files with kind, expert, applicant, stage, version and receipt', () => {
    const html = render({ phase: 'done', report, skipped: 3 });
    expect(html).toContain('本次导入 5 个文件：接受 1，重复 1，拒收 2');
    expect(html).toContain('另有 1 个文件因请求失败未被处理');
    expect(html).toContain('另有 3 个不是 .qapkg 的文件未导入。');
    expect(html).toContain('lost.qapkg');
    const accepted = html.slice(
      html.indexOf('data-testid="inbox-accepted"'),
      html.indexOf('data-testid="inbox-rejected"'),
    );
    for (const text of ['sheet-1.qapkg', '评分表', '张三', '天山机械', '材料评审', '>2<', '已接受', 'receipt-new']) {
      expect(accepted).toContain(text);
    }
    expect(accepted).toContain('保密承诺');
    expect(accepted).toMatch(/已收到（重复）.*receipt-original/);
  });

  it('lists refused files with their code, the reason in the interface language and where the file is', () => {
    const zh = render({ phase: 'done', report, skipped: 0 });
    expect(zh).toContain('E_ROLLBACK');
    expect(zh).toContain('版本号 1 不高于已接收的版本 2');
    expect(zh).toContain('原样保存为 abababababab…');
    expect(zh).toContain('文件过大（20000000 字节，上限 9437184 字节）');
    expect(zh).toContain('未发送，本机文件未改动');
    expect(zh).toContain('拒收的文件原样保留在办公室收件目录');
    const en = render({ phase: 'done', report, skipped: 0 }, 'en');
    expect(en).toContain('This import: 5 files — accepted 1, duplicates 1, refused 2');
    expect(en).toContain('Version 1 is not newer than the accepted version 2');
    expect(en).toContain('Already received (duplicate)');
  });

  it('shows no lists before anything was imported', () => {
    const html = render({ phase: 'idle' });
    expect(html).not.toContain('inbox-accepted');
    expect(html).not.toContain('inbox-summary');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../src-shared/stages/stage-work';
import { EvidencePanel } from '../../../../src-renderer/features/sessions/evidence-panel';
import { openTestDatabase } from '../../data/support/test-database';
import { renderStatic, testServices, type TestLang } from '../../support/static-render';

const db = openTestDatabase('evidence-panel');
afterAll(() => db.delete());
const services = testServices(db);
const noop = (): undefined => undefined;

const photo: Evidence = {
  id: 'e1',
  sha256: '0123456789ab'.padEnd(64, 'f'),
  size: 2 * 1024 * 1024,
  name: 'workshop.jpg',
  mediaType: 'image/jpeg',
  caption: '车间 5S 看板',
  itemIds: ['4.1.1'],
  issueIds: [],
};
const pdf: Evidence = {
  ...photo,
  id: 'e2',
  sha256: 'c'.repeat(64),
  name: 'record.pdf',
  mediaType: 'application/pdf',
  itemIds: [],
};

function render(props: Partial<Parameters<typeof EvidencePanel>[0]>, lang: TestLang = 'zh-CN'): string {
  return renderStatic(
    <EvidencePanel
      evidence={[photo, pdf]}
      itemChoices={[{ id: '4.1.1', label: '4.1.1 高层领导的作用', short: '4.1.1' }]}
      issueChoices={[{ id: 'i1', label: '待核实问题 1 供应商', short: '待核实问题 1' }]}
      limit={20 * 1024 * 1024}
      progress={undefined}
      refused={[]}
      onFiles={noop}
      onChange={noop}
      onBlur={noop}
      {...props}
    />,
    { lang, services },
  );
}

describe('EvidencePanel', () => {
  const html = render({});

  it('shows a placeholder thumbnail until an image is read, and an icon with the name for other files', () => {
    expect(html).toContain('role="img" aria-label="证据文件：workshop.jpg" data-testid="evidence-placeholder"');
    expect(html).toContain('aria-label="证据文件：record.pdf"');
    expect(html).toContain('📄');
    expect(html).not.toContain('<img');
  });

  it('shows the caption, SHA-256 prefix, size and links of each file', () => {
    expect(html).toContain('SHA-256 0123456789ab…');
    expect(html).toContain('2.0 MB');
    expect(html).toContain('>车间 5S 看板</textarea>');
    expect(html).toContain('aria-label="证据 1（workshop.jpg）：说明"');
    expect(html).toContain('aria-label="证据 1（workshop.jpg）：关联评分项"');
    expect(html).toContain('aria-label="证据 2（record.pdf）：关联待核实问题"');
  });

  it('flags evidence linked to nothing, once', () => {
    expect(html.match(/data-testid="evidence-unlinked"/g)).toHaveLength(1);
  });

  it('offers choosing files (keyboard-reachable input) and dropping them, with the cycle’s limit', () => {
    expect(html).toMatch(/<label class="button import-button file-choose">选择证据文件<input type="file" multiple=""/);
    expect(html).toContain('每个文件不超过 20.0 MB');
    expect(html).toContain('或将文件拖放到此处');
  });

  it('shows progress while adding and turns off choosing meanwhile', () => {
    const busy = render({ progress: { done: 1, total: 3 } });
    expect(busy).toContain('<progress max="3" value="1" aria-label="添加证据进度">');
    expect(busy).toContain('已处理 1 / 3 个文件');
    expect(busy).toMatch(/<input type="file" multiple="" class="visually-hidden" disabled=""/);
  });

  it('shows a refused file with the message of its code, in both languages', () => {
    const error = {
      code: 'E_EVIDENCE_TOO_LARGE' as const,
      message: 'too large',
      params: { name: 'video.mp4', size: 30_000_000, limit: 20_971_520 },
    };
    expect(render({ refused: [error] })).toContain(
      '证据文件“video.mp4”有 30000000 字节，超过本届评审的上限 20971520 字节，未复制。',
    );
    expect(render({ refused: [error] }, 'en')).toContain('The evidence file “video.mp4” has 30000000 bytes');
  });
});

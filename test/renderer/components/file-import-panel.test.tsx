import { describe, expect, it } from 'vitest';
import { FileImportPanel, type FileImportState } from '../../../src-renderer/components/file-import-panel';
import { renderStatic } from '../support/static-render';

function render(state: FileImportState<{ files: number }>, intro?: string): string {
  return renderStatic(
    <FileImportPanel
      className="panel some-import"
      title="导入文件"
      intro={intro}
      chooseLabel="选择文件…"
      chooseClassName="button import-button"
      accept=".qapkg"
      state={state}
      onFiles={() => undefined}
      progressLabel="导入进度"
      busyText={(done, total) => `已处理 ${done} / ${total}`}
      summaryText={(summary) => `共 ${summary.files} 个文件`}
      summaryTestId="some-summary"
      details={(summary) => <ul aria-label="明细">{summary.files}</ul>}
    />,
  );
}

describe('FileImportPanel', () => {
  it('offers a labelled picker for several files of the given kinds, under its title and intro', () => {
    const html = render({ phase: 'idle' }, '说明');
    expect(html).toMatch(/^<section class="panel some-import" aria-labelledby="([^"]+)"><h2 id="\1">导入文件<\/h2>/);
    expect(html).toContain('<p>说明</p>');
    expect(html).toContain(
      '<label class="button import-button">选择文件…<input type="file" multiple="" accept=".qapkg" class="visually-hidden"/></label>',
    );
    expect(html).toContain('<div role="status" aria-live="polite"></div>');
    expect(render({ phase: 'idle' })).not.toContain('<p>');
  });

  it('shows the progress while an import runs, with the picker off', () => {
    const html = render({ phase: 'busy', done: 2, total: 5 });
    expect(html).toContain('<progress max="5" value="2" aria-label="导入进度"></progress> 已处理 2 / 5');
    expect(html).toMatch(/<input type="file"[^>]* disabled=""/);
    expect(html).not.toContain('some-summary');
  });

  it('says what the finished import did, then its details', () => {
    const html = render({ phase: 'done', summary: { files: 3 } });
    expect(html).toContain('<p data-testid="some-summary">共 3 个文件</p></div><ul aria-label="明细">3</ul></section>');
    expect(html).not.toContain('<progress');
    expect(html).not.toContain('disabled');
  });
});

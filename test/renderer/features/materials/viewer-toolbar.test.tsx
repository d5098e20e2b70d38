import { describe, expect, it } from 'vitest';
import { ViewerToolbar, type ViewerToolbarProps } from '../../../../src-renderer/features/materials/viewer-toolbar';
import { renderStatic } from '../../support/static-render';

function props(patch: Partial<ViewerToolbarProps> = {}): ViewerToolbarProps {
  return {
    page: 3,
    pageCount: 5,
    zoom: 'fit-width',
    enabled: true,
    secret: false,
    canCite: true,
    onPage: () => undefined,
    onZoom: () => undefined,
    onCite: () => undefined,
    onSave: () => undefined,
    ...patch,
  };
}

describe('the viewer toolbar', () => {
  it('shows the page as n / N with previous, next, go to and the three zooms', () => {
    const html = renderStatic(<ViewerToolbar {...props()} />);
    expect(html).toContain('第 3 / 5 页');
    expect(html).toContain('上一页');
    expect(html).toContain('下一页');
    expect(html).toContain('转到页码');
    expect(html).toContain('aria-pressed="true">适合宽度');
    expect(html).toContain('aria-pressed="false">原大 100%');
    expect(html).toContain('aria-pressed="false">放大 150%');
  });

  it('offers "save a copy" for a material that is not secret', () => {
    expect(renderStatic(<ViewerToolbar {...props()} />)).toContain('保存副本');
  });

  it('has no save button at all for a commercial secret', () => {
    const html = renderStatic(<ViewerToolbar {...props({ secret: true })} />);
    expect(html).not.toContain('保存副本');
    expect(html).toContain('引用本页');
  });

  it('disables "cite this page" with a hint when no comment editor is registered', () => {
    const html = renderStatic(<ViewerToolbar {...props({ canCite: false })} />);
    expect(html).toMatch(/<button type="button" disabled="" aria-describedby="materials-cite-hint">引用本页/);
    expect(html).toContain('先点击要写入的评语框，再引用本页。');
    expect(renderStatic(<ViewerToolbar {...props()} />)).not.toContain('materials-cite-hint');
  });

  it('turns nothing before a document is open, and stops at the ends', () => {
    const waiting = renderStatic(<ViewerToolbar {...props({ pageCount: null, enabled: false, page: 1 })} />);
    expect(waiting).toContain('第 1 页');
    expect(waiting.match(/disabled=""/g)?.length).toBeGreaterThanOrEqual(7);
    const last = renderStatic(<ViewerToolbar {...props({ page: 5 })} />);
    expect(last).toMatch(/<button type="button" disabled="">下一页/);
    expect(last).toMatch(/<button type="button">上一页/);
  });

  it('is complete in English', () => {
    const html = renderStatic(<ViewerToolbar {...props({ canCite: false })} />, { lang: 'en' });
    expect(html).toContain('Page 3 of 5');
    expect(html).toContain('Fit width');
    expect(html).toContain('Cite this page');
    expect(html).toContain('Save a copy');
  });
});

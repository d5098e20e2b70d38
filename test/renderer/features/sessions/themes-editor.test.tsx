import { describe, expect, it } from 'vitest';
import type { Theme } from '../../../../src-shared/stages/stage-work';
import { ThemesEditor } from '../../../../src-renderer/features/sessions/themes-editor';
import { renderStatic } from '../../support/static-render';

const themes = (kind: Theme['kind'], texts: string[]): Theme[] =>
  texts.map((text, i) => ({ id: `${kind}-${i}`, kind, text }));

function render(list: Theme[], lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return renderStatic(
    <ThemesEditor themes={list} newId={() => 'new'} onChange={() => undefined} onBlur={() => undefined} />,
    { lang },
  );
}

const counter = (html: string, kind: string): string =>
  new RegExp(`<p class="theme-count theme-([a-z-]+)" data-testid="theme-count-${kind}"[^>]*>(.*?)</p>`)
    .exec(html)
    ?.slice(1)
    .join('|') ?? 'absent';

describe('ThemesEditor', () => {
  it('warns below three, counting only written themes', () => {
    const html = render([...themes('strength', ['Leadership', '  ']), ...themes('ofi', [])]);
    expect(counter(html, 'strength')).toBe('too-few|已写 1 条，需 3–5 条');
    expect(counter(html, 'ofi')).toBe('too-few|已写 0 条，需 3–5 条');
  });

  it('says the rule is met from three to five and refuses a sixth', () => {
    const html = render([...themes('strength', ['a', 'b', 'c']), ...themes('ofi', ['a', 'b', 'c', 'd', 'e'])]);
    expect(counter(html, 'strength')).toBe('ok|已写 3 条，符合 3–5 条的要求');
    expect(counter(html, 'ofi')).toBe('ok|已写 5 条，符合 3–5 条的要求');
    expect(html).toMatch(/<button type="button">\+ 添加总体优势<\/button>/);
    expect(html).toMatch(/<button type="button" disabled="">\+ 添加总体改进机会<\/button>/);
  });

  it('names each theme for assistive technology, in English too', () => {
    const html = render(themes('strength', ['a', 'b', 'c', 'd', 'e', 'f']), 'en');
    expect(html).toContain('aria-label="Overall strengths 6"');
    expect(counter(html, 'strength')).toBe('too-many|6 written; more than 5: merge or remove some');
  });
});

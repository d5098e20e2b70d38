import { describe, expect, it } from 'vitest';
import type { RubricCriterion } from '../../../../src-shared/stages/stage-setup';
import { RubricPanel } from '../../../../src-renderer/features/sessions/rubric-panel';
import { renderStatic } from '../../support/static-render';

const rubric: RubricCriterion[] = [
  { id: 'clarity', name: { 'zh-CN': '陈述清晰', en: 'Clear presentation' }, points: 10 },
  { id: 'answers', name: { 'zh-CN': '回答准确', en: 'Accurate answers' }, points: 20 },
];
const noop = (): undefined => undefined;

describe('RubricPanel', () => {
  it('sums the points given out of the rubric total and counts the criteria scored', () => {
    const html = renderStatic(
      <RubricPanel rubric={rubric} scores={[{ criterionId: 'clarity', points: 7.5 }]} onChange={noop} onBlur={noop} />,
    );
    expect(html).toContain('data-testid="rubric-sum">7.5 / 30 分');
    expect(html).toContain('已评 1 / 2 项');
    expect(html).toContain('aria-label="陈述清晰得分（0–10）"');
    expect(html).toContain('value="7.5"');
    expect(html).toContain('不计入 1000 分评分表');
  });

  it('marks points over a criterion’s maximum', () => {
    const html = renderStatic(
      <RubricPanel rubric={rubric} scores={[{ criterionId: 'clarity', points: 12 }]} onChange={noop} onBlur={noop} />,
      { lang: 'en' },
    );
    expect(html).toContain('aria-label="Points for Clear presentation (0–10)" aria-invalid="true"');
    expect(html).toContain('over the maximum of 10');
    expect(html).toContain('12 / 30 points');
  });
});

import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../../src-renderer/features/sessions/choice-picker';
import { IssueSettleList } from '../../../../src-renderer/features/sessions/issue-settle-list';
import { IssuesEditor, IssuesReadOnly } from '../../../../src-renderer/features/sessions/issues-editor';
import { newIssue, type IssueDraft } from '../../../../src-renderer/features/sessions/session-records';
import { renderStatic } from '../../support/static-render';

const items: Choice[] = [
  { id: '4.1.1', label: '4.1.1 高层领导的作用', short: '4.1.1' },
  { id: '4.2.1', label: '4.2.1 战略制定', short: '4.2.1' },
];
const issue = (id: string, patch: Partial<IssueDraft> = {}): IssueDraft => ({ ...newIssue(id), ...patch });
const noop = (): undefined => undefined;

describe('IssuesEditor (material review)', () => {
  const html = renderStatic(
    <IssuesEditor
      issues={[issue('i1', { kind: 'clarify', text: '供应商审核', evidence: 'p. 35', itemIds: ['4.2.1'] })]}
      itemChoices={items}
      newId={() => 'new'}
      onChange={noop}
      onBlur={noop}
    />,
  );

  it('names every control after its record', () => {
    for (const name of [
      '待核实问题 1：类型',
      '待核实问题 1：问题',
      '待核实问题 1：依据（材料页码或章节）',
      '删除待核实问题 1',
    ])
      expect(html).toContain(`aria-label="${name}"`);
    expect(html).toContain('<fieldset class="plain choice-list" aria-label="待核实问题 1：关联评分项">');
  });

  it('shows the issue as written, with its items ticked in the picker', () => {
    expect(html).toContain('<option value="clarify" selected="">澄清</option>');
    expect(html).toContain('>供应商审核</textarea>');
    expect(html).toContain('value="p. 35"');
    expect(html).toMatch(/<summary>待核实问题 1：关联评分项：<span>4.2.1<\/span><\/summary>/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/> 4.2.1 战略制定/);
    expect(html).toMatch(/<input type="checkbox"\/> 4.1.1 高层领导的作用/);
  });

  it('says when there is none yet', () => {
    const empty = renderStatic(
      <IssuesEditor issues={[]} itemChoices={items} newId={() => 'n'} onChange={noop} onBlur={noop} />,
      { lang: 'en' },
    );
    expect(empty).toContain('No issues to verify yet.');
    expect(empty).toContain('Add an issue to verify');
  });
});

describe('IssuesReadOnly (defense)', () => {
  it('lists the carried issues with kind and items, and nothing to edit', () => {
    const html = renderStatic(
      <IssuesReadOnly issues={[issue('i1', { text: '能耗数据', itemIds: ['4.1.1'] })]} itemChoices={items} />,
    );
    expect(html).toContain('能耗数据');
    expect(html).toContain('关联评分项：4.1.1');
    expect(html).not.toMatch(/<(textarea|input|select)/);
  });
});

describe('IssueSettleList (site visit)', () => {
  const issues = [
    issue('own', { text: '本人问题', itemIds: ['4.1.1'], status: 'confirmed', finding: '现场已核实' }),
    issue('panel', { origin: 'panel', text: '专家组问题', itemIds: ['4.2.1'], status: 'not-confirmed' }),
    issue('open', { text: '未核实' }),
  ];
  const html = renderStatic(
    <IssueSettleList issues={issues} itemChoices={items} newId={() => 'n'} onChange={noop} onBlur={noop} />,
  );

  it('counts the settled issues (a settled one without its finding does not count)', () => {
    expect(html).toMatch(/data-testid="issue-progress">已核实 1 \/ 3 项/);
    expect(html).toContain('<progress max="3" value="1" aria-label="核实进度">');
  });

  it('marks the panel’s issues 专家组, shows their text read-only and cannot remove them', () => {
    expect(html).toContain('<span class="badge badge-panel">专家组</span>');
    expect(html).toMatch(/<p class="session-readonly">.*专家组问题/);
    expect(html).not.toContain('aria-label="删除待核实问题 2"');
    expect(html).toContain('aria-label="删除待核实问题 1"');
  });

  it('shows each status and asks for the finding of a settled issue without one', () => {
    expect(html).toMatch(/data-status="confirmed".*<option value="confirmed" selected="">属实<\/option>/);
    expect(html).toMatch(/data-status="not-confirmed".*<option value="not-confirmed" selected="">不属实<\/option>/);
    expect(html).toContain('aria-label="待核实问题 2：核实情况" aria-required="true" aria-invalid="true"');
    expect(html).toContain('已给出核实状态，请写明核实情况。');
    expect(html).toContain('aria-label="待核实问题 3：核实情况" aria-required="false" aria-invalid="false"');
    expect(html.match(/已给出核实状态/g)).toHaveLength(1);
  });

  it('offers a new finding, and the chart waits for its code (statically, the loading text)', () => {
    expect(html).toContain('添加现场新发现');
    expect(html).toContain('aria-busy="true"');
  });
});

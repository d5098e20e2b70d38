import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../../src-renderer/features/sessions/choice-picker';
import { DocumentLog } from '../../../../src-renderer/features/sessions/document-log';
import { InterviewLog } from '../../../../src-renderer/features/sessions/interview-log';
import { QuestionLog } from '../../../../src-renderer/features/sessions/question-log';
import { renderStatic } from '../../support/static-render';

const items: Choice[] = [{ id: '4.1.1', label: '4.1.1 高层领导的作用', short: '4.1.1' }];
const noop = (): undefined => undefined;
const at = '2026-03-02T08:00:00.000Z';
const log = { itemChoices: items, newId: () => 'n', nowIso: () => at, onChange: noop, onBlur: noop };

describe('the defense and site logs', () => {
  it('name every field after its record, with the schema limits, and offer remove and add', () => {
    const html = renderStatic(
      <>
        <QuestionLog questions={[{ id: 'q', at, question: '如何', answer: '答', itemIds: ['4.1.1'] }]} {...log} />
        <InterviewLog
          interviews={[{ id: 'i', role: '车间主任', at, topics: '', findings: '', itemIds: [] }]}
          {...log}
        />
        <DocumentLog documents={[{ id: 'd', title: '制度', number: '', page: 3, itemIds: [] }]} {...log} />
      </>,
    );
    expect(html).toContain('<textarea aria-label="提问 1：提问" rows="2" maxLength="4000">如何</textarea>');
    expect(html).toContain('aria-label="提问 1：回答要点"');
    expect(html).toContain(
      'aria-label="访谈 1：受访者岗位" aria-describedby="role-hint-i" maxLength="200" value="车间主任"',
    );
    expect(html).toContain('<span id="role-hint-i" class="field-hint">');
    for (const name of ['访谈 1：时间', '访谈 1：访谈主题', '访谈 1：发现', '文件 1：文号', '文件 1：页码'])
      expect(html).toContain(`aria-label="${name}"`);
    expect(html).toContain('<label class="wide">文件名称<input type="text" aria-label="文件 1：文件名称"');
    for (const record of ['提问 1', '访谈 1', '文件 1']) {
      expect(html).toContain(`aria-label="${record}：关联评分项"`);
      expect(html).toContain(`aria-label="删除${record}"`);
    }
    for (const add of ['添加提问', '添加访谈', '添加文件'])
      expect(html).toContain(`<button type="button">+ ${add}</button>`);
  });

  it('say so when a log is empty', () => {
    const html = renderStatic(<DocumentLog documents={[]} {...log} />);
    expect(html).toMatch(/^<div class="session-records"><p class="muted">[^<]+<\/p><ol><\/ol><button/);
  });
});

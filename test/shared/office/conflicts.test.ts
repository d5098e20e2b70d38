import { describe, expect, it } from 'vitest';
import {
  conflictsBetween,
  normaliseOrganisationName,
  panelConflicts,
  workUnitMatches,
  type DeclaredConflict,
} from '../../../src-shared/office/conflicts';

const expert = { expertId: 'e1', name: '王专家', workUnit: '新疆大学' };
const applicant = { id: 'a1', name: '新疆天山制造有限公司', uscc: '91650100MA77XXXX0A' };

describe('work unit matching', () => {
  it('treats full-width brackets, spaces and case as the same name', () => {
    expect(normaliseOrganisationName(' 乌鲁木齐（新疆）Steel 公司 ')).toBe(
      normaliseOrganisationName('乌鲁木齐(新疆)steel公司'),
    );
  });

  it('matches the same organisation and a name that contains the other', () => {
    expect(workUnitMatches('新疆天山制造有限公司', '新疆天山制造有限公司')).toBe(true);
    expect(workUnitMatches('新疆天山制造', '新疆天山制造有限公司')).toBe(true);
  });

  it('does not match a short common word or an empty work unit', () => {
    expect(workUnitMatches('集团', '新疆某某集团有限公司')).toBe(false);
    expect(workUnitMatches('', '新疆某某集团有限公司')).toBe(false);
    expect(workUnitMatches('新疆大学', '新疆天山制造有限公司')).toBe(false);
  });
});

describe('conflicts between an expert and an applicant', () => {
  it('finds none when nothing ties them', () => {
    expect(conflictsBetween(expert, applicant, 'c1', [])).toEqual([]);
  });

  it('blocks a declared recusal of this cycle with its reason in both languages', () => {
    const declared: DeclaredConflict[] = [{ expertId: 'e1', cycleId: 'c1', applicantId: 'a1', uscc: null }];
    const [finding, ...rest] = conflictsBetween(expert, applicant, 'c1', declared);
    expect(rest).toEqual([]);
    expect(finding?.reason).toBe('declared');
    expect(finding?.params.reason).toContain('回避');
    expect(finding?.params.reasonEn).toContain('recused');
    expect(finding?.params).toMatchObject({ expert: '王专家', applicant: '新疆天山制造有限公司' });
  });

  it('blocks an expert who works for the applicant', () => {
    const insider = { ...expert, workUnit: '新疆天山制造有限公司' };
    expect(conflictsBetween(insider, applicant, 'c1', []).map((f) => f.reason)).toEqual(['work-unit']);
  });

  it('blocks an earlier cycle’s conflict with the same credit code, not another expert’s', () => {
    const declared: DeclaredConflict[] = [
      { expertId: 'e1', cycleId: 'c0', applicantId: 'old-id', uscc: applicant.uscc },
      { expertId: 'e2', cycleId: 'c0', applicantId: 'old-id', uscc: applicant.uscc },
    ];
    expect(conflictsBetween(expert, applicant, 'c1', declared).map((f) => f.reason)).toEqual(['earlier']);
    expect(conflictsBetween({ ...expert, expertId: 'e3' }, applicant, 'c1', declared)).toEqual([]);
  });

  it('does not count this cycle’s declaration about another applicant', () => {
    const declared: DeclaredConflict[] = [{ expertId: 'e1', cycleId: 'c1', applicantId: 'a2', uscc: 'x' }];
    expect(conflictsBetween(expert, applicant, 'c1', declared)).toEqual([]);
  });

  it('checks every expert of a panel against every applicant', () => {
    const other = { id: 'a2', name: '新疆大学', uscc: '12650000XXXXXXXXXX' };
    const findings = panelConflicts(
      [expert, { ...expert, expertId: 'e2', workUnit: '乌鲁木齐某所' }],
      [applicant, other],
      'c1',
      [],
    );
    expect(findings.map((f) => [f.expertId, f.applicantId, f.reason])).toEqual([['e1', 'a2', 'work-unit']]);
  });
});

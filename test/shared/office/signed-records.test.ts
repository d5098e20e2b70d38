import { describe, expect, it } from 'vitest';
import { consensusToSign, recommendationToSign } from '../../../src-shared/office/signed-records';

describe('signed record forms', () => {
  it('bind the cycle, the version and the trimmed reason to the consensus and the recommendation', () => {
    const consensus = { applicantId: 'A', stage: 'site' as const, leaderId: 'E1', items: [] };
    expect(consensusToSign('C', 2, ' 补充证据 ', consensus)).toEqual({
      schema: 'scorebook.office-consensus/1',
      cycleId: 'C',
      version: 2,
      reason: '补充证据',
      consensus,
    });
    const recommendation = { qualityAward: ['A'], nomination: [] };
    expect(recommendationToSign('C', 1, '', recommendation)).toEqual({
      schema: 'scorebook.office-recommendation/1',
      cycleId: 'C',
      version: 1,
      reason: '',
      recommendation,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { cycleSettingsSchema, defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { sheetPayloadSchema } from '../../../src-shared/packages/payload-schemas';
import { defaultStageSetup, stageSetupSchema } from '../../../src-shared/stages/stage-setup';
import {
  emptyStageWork,
  issueDraftSchema,
  issueToVerifySchema,
  stageWorkSchema,
  type Evidence,
  type IssueToVerify,
} from '../../../src-shared/stages/stage-work';
import { examplePayload } from '../packages/vectors-fixture';

const sha = (c: string): string => c.repeat(64);

const issue: IssueToVerify = {
  id: 'i1',
  origin: 'own',
  itemIds: ['4.1'],
  kind: 'clarify',
  text: '请说明顾客满意度测评方法',
  evidence: '申报材料第 23 页',
  status: 'open',
  finding: '',
};

const photo: Evidence = {
  id: 'e1',
  sha256: sha('b'),
  size: 3,
  name: '现场照片.jpg',
  mediaType: 'image/jpeg',
  caption: '质量看板',
  itemIds: ['4.1'],
  issueIds: ['i1'],
};

describe('the stage work schemas', () => {
  it('keeps a blank issue while it is typed but signs only issues with items and text', () => {
    const blank = { ...issue, itemIds: [], text: '' };
    expect(issueDraftSchema.safeParse(blank).success).toBe(true);
    expect(issueToVerifySchema.safeParse(blank).success).toBe(false);
    expect(issueToVerifySchema.safeParse(issue).success).toBe(true);
  });

  it('signs a settled issue only with its finding', () => {
    expect(issueToVerifySchema.safeParse({ ...issue, status: 'confirmed' }).success).toBe(false);
    expect(issueToVerifySchema.safeParse({ ...issue, status: 'confirmed', finding: '现场查阅记录属实' }).success).toBe(
      true,
    );
  });

  it('has defense parts only at the defense and site parts only at the site visit', () => {
    expect(emptyStageWork('material', null)).toMatchObject({ defense: null, site: null });
    expect(emptyStageWork('defense', 'material').defense).toEqual({ segments: [], questions: [], rubric: [] });
    expect(emptyStageWork('site', 'defense').site).toEqual({ interviews: [], documents: [], themes: [] });
    expect(stageWorkSchema.safeParse(emptyStageWork('site', 'defense')).success).toBe(true);
  });

  it('refuses a change without a reason in the signed form', () => {
    const work = {
      ...emptyStageWork('defense', 'material'),
      changes: [{ itemId: '1.1', fromStage: 'material', previousPercent: 40, percent: 50, reason: ' ' }],
    };
    expect(stageWorkSchema.safeParse(work).success).toBe(false);
  });
});

describe('a sheet payload with stage work', () => {
  const base = examplePayload(sha('a'), sha('b'));

  it('parses without work (sheets signed before issue 5) and with it', () => {
    expect(sheetPayloadSchema.safeParse(base).success).toBe(true);
    const work = { ...emptyStageWork('material', null), issues: [issue], evidence: [photo] };
    expect(sheetPayloadSchema.safeParse({ ...base, work }).success).toBe(true);
  });

  it('refuses evidence that is not one of the attachments', () => {
    const work = { ...emptyStageWork('material', null), evidence: [{ ...photo, sha256: sha('c') }] };
    const parsed = sheetPayloadSchema.safeParse({ ...base, work });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['work', 'evidence']);
  });
});

describe('the stage setup', () => {
  it('defaults to presentation 15 min and questions 15 min, no rubric, 20 MiB evidence files', () => {
    expect(defaultStageSetup.defenseSegments.map((s) => [s.id, s.minutes])).toEqual([
      ['presentation', 15],
      ['questions', 15],
    ]);
    expect(defaultStageSetup.defenseRubric).toEqual([]);
    expect(defaultStageSetup.evidenceMaxBytes).toBe(20 * 1024 * 1024);
    expect(stageSetupSchema.safeParse(defaultStageSetup).success).toBe(true);
  });

  it('refuses a defense without segments and an evidence limit over the container’s 64 MiB entry cap', () => {
    expect(stageSetupSchema.safeParse({ ...defaultStageSetup, defenseSegments: [] }).success).toBe(false);
    expect(stageSetupSchema.safeParse({ ...defaultStageSetup, evidenceMaxBytes: 64 * 1024 * 1024 + 1 }).success).toBe(
      false,
    );
  });

  it('reads cycle settings saved before issue 5 with the default setup', () => {
    const { stageSetup, ...older } = defaultCycleSettings(2026);
    expect(stageSetup).toEqual(defaultStageSetup);
    const parsed = cycleSettingsSchema.parse(older);
    expect(parsed.stageSetup).toEqual(defaultStageSetup);
  });
});

import { z } from 'zod';
import { stageSchema, type Stage } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import { commentRulesSchema } from '../packages/payload-schemas';
import { defaultStageSetup, stageSetupSchema } from '../stages/stage-setup';

/**
 * An award cycle (届) as the office sets it up (issue 4 item 2; the Measures' Art. 3, 11, 20). The parts that
 * assignments carry to experts — criteria, stages, comment rules, pledge text — are frozen once an assignment is
 * issued: changing them afterwards needs a reason and makes a new revision, kept in the cycle's history.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** How a stage's result is formed from its sheets (docs: aggregation). */
export const stageCombinationSchema = z.enum(['consensus', 'mean', 'median', 'trimmed-mean']);
export type StageCombination = z.infer<typeof stageCombinationSchema>;

export const cycleSettingsSchema = z
  .object({
    name: z.object({ 'zh-CN': z.string().trim().min(1).max(100), en: z.string().trim().max(100) }).strict(),
    /** The cycle's period (Art. 3: a cycle runs 5 years) and the application deadline eligibility is judged at. */
    periodStart: isoDate,
    periodEnd: isoDate,
    applicationDeadline: isoDate,
    /** Which version of the Measures governs the cycle (Art. 20: in force 2025-12-20 for 5 years). */
    measuresVersion: z.string().trim().min(1).max(100),
    criteriaId: z.string().min(1).max(100),
    /** The stages in the order they run (Art. 11: material review, then defense, then site visit). */
    stages: z.array(stageSchema).min(1).max(3),
    /** Weight of each stage in the combined result, in percent; they sum to 100 over the cycle's stages. */
    stageWeights: z.partialRecord(stageSchema, z.number().int().min(0).max(100)),
    combination: stageCombinationSchema,
    /** Art. 3: at most 5 Quality Awards and 10 Nomination Awards per cycle; fewer or none are allowed. */
    awardLimit: z.number().int().min(0).max(5),
    nominationLimit: z.number().int().min(0).max(10),
    commentRules: commentRulesSchema,
    /** Items whose expert percents spread this many percentage points or more are flagged for consensus. */
    spreadThreshold: z.number().int().min(5).max(100),
    pledgeText: z.string().trim().min(1).max(20_000),
    /** Issue 5: defense segments and rubric, evidence size limit; cycles saved before it read as the defaults. */
    stageSetup: stageSetupSchema.default(defaultStageSetup),
  })
  .strict();
export type CycleSettings = z.infer<typeof cycleSettingsSchema>;

/** The settings experts receive in their assignments: these cannot change silently once one is issued. */
export const frozenSettings = [
  'criteriaId',
  'stages',
  'commentRules',
  'pledgeText',
  'measuresVersion',
  'stageSetup',
] as const;

/** The default pledge text, after Art. 19: impartiality, confidentiality, procedure, recusal. */
export const defaultPledgeText = [
  '本人承诺：',
  '一、公正、客观地开展评审，不受任何单位和个人的干扰；',
  '二、保守评审秘密，不复制、不外传、不泄露申报材料和评审情况，妥善保管评审资料；',
  '三、遵守评审程序和纪律，不接受申报组织的宴请、礼品和其他利益；',
  '四、与申报组织存在利害关系的，主动申明并回避。',
  '违反上述承诺的，愿按《乌鲁木齐市人民政府质量奖管理办法》第十九条的规定承担责任。',
].join('\n');

/** Sensible first settings for a new cycle (three stages, equal weights, the Art. 3 limits, a 30-point spread). */
export function defaultCycleSettings(year: number): CycleSettings {
  return {
    name: { 'zh-CN': `${year}年度乌鲁木齐市人民政府质量奖`, en: `${year} Urumqi Municipal Government Quality Award` },
    periodStart: `${year}-01-01`,
    periodEnd: `${year + 4}-12-31`,
    applicationDeadline: `${year}-06-30`,
    measuresVersion: '乌鲁木齐市人民政府质量奖管理办法（2025-11-18 印发，2025-12-20 施行）',
    criteriaId: 'gbt19580-2012',
    stages: ['material', 'defense', 'site'],
    stageWeights: { material: 30, defense: 30, site: 40 },
    combination: 'consensus',
    awardLimit: 5,
    nominationLimit: 10,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    spreadThreshold: 30,
    pledgeText: defaultPledgeText,
    stageSetup: defaultStageSetup,
  };
}

/** A problem with settings, for the form: the field and a message key. */
export interface SettingsProblem {
  readonly field: keyof CycleSettings;
  readonly problem: 'order' | 'weights' | 'stages' | 'deadline';
}

/** The rules zod cannot say alone: dates in order, stages without repeats, weights of the cycle's stages summing to 100. */
export function checkCycleSettings(settings: CycleSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (settings.periodEnd <= settings.periodStart) problems.push({ field: 'periodEnd', problem: 'order' });
  if (settings.applicationDeadline < settings.periodStart || settings.applicationDeadline > settings.periodEnd) {
    problems.push({ field: 'applicationDeadline', problem: 'deadline' });
  }
  if (new Set(settings.stages).size !== settings.stages.length) problems.push({ field: 'stages', problem: 'stages' });
  const sum = settings.stages.reduce((total, stage: Stage) => total + (settings.stageWeights[stage] ?? 0), 0);
  if (sum !== 100) problems.push({ field: 'stageWeights', problem: 'weights' });
  return problems;
}

/** The frozen settings a change touches, comparing the current and the proposed settings. */
export function changedFrozenSettings(current: CycleSettings, next: CycleSettings): (typeof frozenSettings)[number][] {
  return frozenSettings.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]));
}

/**
 * Whether a change may be saved: settings valid; once assignments are issued, a change to a frozen setting needs a
 * reason (it becomes a new revision with that reason, and experts must receive re-issued assignments).
 */
export function decideSettingsChange(input: {
  readonly current: CycleSettings;
  readonly next: CycleSettings;
  readonly assignmentsIssued: number;
  readonly reason: string;
}): Result<{ readonly frozenChanged: readonly string[] }> {
  const problems = checkCycleSettings(input.next);
  if (problems.length > 0) {
    const detail = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
    return fail('E_BAD_REQUEST', `cycle settings: ${detail}`, { detail });
  }
  const frozenChanged = changedFrozenSettings(input.current, input.next);
  if (input.assignmentsIssued > 0 && frozenChanged.length > 0 && input.reason.trim() === '') {
    return fail('E_CYCLE_FROZEN', `frozen settings changed without a reason: ${frozenChanged.join(', ')}`, {
      fields: frozenChanged.join(', '),
    });
  }
  return ok({ frozenChanged });
}

import type { Stage } from '../../src-shared/assignments/assignment-schema';
import { fail, type Result } from '../../src-shared/contract/result';
import { checkStageWork, previousStageOf, type StageProblem } from '../../src-shared/stages/stage-rules';
import type { RubricCriterion } from '../../src-shared/stages/stage-setup';
import type { StageWork } from '../../src-shared/stages/stage-work';

/**
 * Main's check of a sheet's stage work before it is signed (issue 5): the shared rules (stage-rules.ts
 * checkStageWork) plus what only the signer can hold the work to — the stage it was seeded from is the one before
 * in the cycle's order, each recorded change is the percent actually submitted, the defense and site records
 * appear at their own stage only, and every item the work names is an item of the criteria. Each problem is a
 * sentence in both languages, so E_STAGE_WORK reads as a list (`detail` zh-CN, `detailEn` en).
 */

export interface Sentence {
  readonly zh: string;
  readonly en: string;
}

const stageNames: Readonly<Record<Stage, Sentence>> = {
  material: { zh: '材料评审', en: 'material review' },
  defense: { zh: '陈述答辩', en: 'presentation and defense' },
  site: { zh: '现场评审', en: 'site visit' },
};

/** At most this many problems are spelled out; the rest are counted. */
const shownProblems = 8;

export interface StageWorkInput {
  readonly stage: Stage;
  /** The cycle's stages in order (the assignment record's). */
  readonly stages: readonly Stage[];
  readonly work: StageWork;
  readonly rubric: readonly RubricCriterion[];
  /** The criteria's item ids. */
  readonly itemIds: ReadonlySet<string>;
  /** The submitted percent of each item (null: not scored). */
  readonly percents: ReadonlyMap<string, number | null>;
}

export function stageWorkProblems(input: StageWorkInput): Sentence[] {
  const { stage, work } = input;
  const problems: Sentence[] = [];
  const expected = previousStageOf(input.stages, stage);
  if (work.seededFrom !== null && work.seededFrom !== expected) {
    const from = stageNames[work.seededFrom];
    problems.push(
      expected === null
        ? { zh: `本阶段是第一个阶段，不能承接“${from.zh}”`, en: `this is the first stage; it cannot carry ${from.en}` }
        : {
            zh: `本阶段应承接“${stageNames[expected].zh}”，而不是“${from.zh}”`,
            en: `this stage carries ${stageNames[expected].en}, not ${from.en}`,
          },
    );
  }
  for (const change of work.changes) {
    if (change.fromStage !== work.seededFrom) {
      problems.push({
        zh: `评分项 ${change.itemId} 的调整记录来自“${stageNames[change.fromStage].zh}”，与本阶段承接的阶段不符`,
        en: `item ${change.itemId}: the change is from ${stageNames[change.fromStage].en}, not the stage carried`,
      });
    }
    const submitted = input.percents.get(change.itemId) ?? null;
    if (submitted !== change.percent) {
      const shown = submitted === null ? '未评分' : `${submitted}%`;
      problems.push({
        zh: `评分项 ${change.itemId} 的调整记录为 ${change.percent}%，提交的得分率为 ${shown}`,
        en: `item ${change.itemId}: the change records ${change.percent}%, the sheet ${submitted === null ? 'no score' : `${submitted}%`}`,
      });
    }
  }
  if (work.defense !== null && stage !== 'defense') {
    problems.push({
      zh: `“${stageNames[stage].zh}”阶段不应有答辩记录`,
      en: `a defense record at the ${stageNames[stage].en}`,
    });
  }
  if (work.site !== null && stage !== 'site') {
    problems.push({
      zh: `“${stageNames[stage].zh}”阶段不应有现场记录`,
      en: `a site-visit record at the ${stageNames[stage].en}`,
    });
  }
  const unknown = [...new Set(namedItems(work))].filter((itemId) => !input.itemIds.has(itemId));
  if (unknown.length > 0) {
    problems.push({
      zh: `评价准则中没有评分项 ${unknown.join('、')}`,
      en: `the criteria have no item ${unknown.join(', ')}`,
    });
  }
  for (const problem of checkStageWork({ stage, work, rubric: input.rubric })) {
    problems.push(sentenceOf(problem, work, input.rubric));
  }
  return problems;
}

/** E_STAGE_WORK listing the problems in each language. */
export function stageWorkRefusal(problems: readonly Sentence[]): Result<never> {
  const shown = problems.slice(0, shownProblems);
  const more = problems.length - shown.length;
  const detail = shown.map((p) => p.zh).join('；') + (more > 0 ? `；另有 ${more} 项` : '') + '。';
  const detailEn = shown.map((p) => p.en).join('; ') + (more > 0 ? `; and ${more} more` : '') + '.';
  return fail('E_STAGE_WORK', `stage work: ${detailEn}`, { detail, detailEn });
}

/** Every item id the work refers to. */
function namedItems(work: StageWork): string[] {
  return [
    ...work.changes.map((change) => change.itemId),
    ...work.issues.flatMap((issue) => issue.itemIds),
    ...(work.defense?.questions ?? []).flatMap((question) => question.itemIds),
    ...(work.site?.interviews ?? []).flatMap((interview) => interview.itemIds),
    ...(work.site?.documents ?? []).flatMap((document) => document.itemIds),
    ...work.evidence.flatMap((evidence) => evidence.itemIds),
  ];
}

/** A short quote of what the expert wrote, so the problem names the record as they see it. */
function quote(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
}

function sentenceOf(problem: StageProblem, work: StageWork, rubric: readonly RubricCriterion[]): Sentence {
  const { ref } = problem;
  const issue = quote(work.issues.find((i) => i.id === ref)?.text ?? ref);
  const criterion = rubric.find((c) => c.id === ref)?.name ?? { 'zh-CN': ref, en: ref };
  const evidence = work.evidence.find((e) => e.id === ref)?.name ?? ref;
  switch (problem.code) {
    case 'change-reason-missing':
      return {
        zh: `评分项 ${ref} 的得分率与上一阶段不同，需说明理由`,
        en: `item ${ref}: a changed percent needs a reason`,
      };
    case 'issue-open':
      return { zh: `待核实问题“${issue}”尚未核实`, en: `the issue “${issue}” is still open` };
    case 'issue-finding-missing':
      return { zh: `待核实问题“${issue}”缺少核实结果`, en: `the issue “${issue}” has no finding` };
    case 'themes-strengths':
      return { zh: `关键主题中的优势有 ${ref} 条，应为 3–5 条`, en: `${ref} key strengths; 3–5 are needed` };
    case 'themes-ofis':
      return { zh: `关键主题中的改进机会有 ${ref} 条，应为 3–5 条`, en: `${ref} key opportunities; 3–5 are needed` };
    case 'rubric-missing':
      return {
        zh: `答辩评分项“${criterion['zh-CN']}”尚未评分`,
        en: `the defense criterion “${criterion.en}” is not scored`,
      };
    case 'rubric-over':
      return {
        zh: `答辩评分项“${criterion['zh-CN']}”超过其分值`,
        en: `the defense criterion “${criterion.en}” is over its points`,
      };
    case 'evidence-unlinked':
      return {
        zh: `证据“${evidence}”未关联评分项或待核实问题`,
        en: `the evidence “${evidence}” is linked to no item or issue`,
      };
  }
}

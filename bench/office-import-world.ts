import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../src-main/handlers/create-handlers';
import { createDispatch, type Dispatch } from '../src-main/handlers/dispatch';
import { secureRandom } from '../src-main/services/secure-random';
import type { Stage } from '../src-shared/assignments/assignment-schema';
import { contract, type Channel, type ChannelRequest, type ChannelResponse } from '../src-shared/contract/channels';
import { decodeBase64Strict } from '../src-shared/packages/base64';
import { emptyStageWork, type StageWork } from '../src-shared/stages/stage-work';
import { benchSheetItems } from './office-import-sheets';
import { seededRandom } from './seeded-random';
import { buildSeed, loadCriteria, loadDemoBundle } from './seed-rows';

/**
 * The whole cycle, built with the real handlers in Node (as test/main/handlers/expert-world.ts drives them):
 * one office app and 50 expert apps, each over its own temp data folder, talking only through dispatch. The office
 * registers and confirms the experts and issues each one an assignment per stage with the same 20 applicants; every
 * expert imports them, signs the cycle's pledge, and for each stage and applicant a "no conflict" declaration and a
 * complete sheet. The 3,000 sealed sheet files are kept as bytes; the office's data folder is left as it was before
 * any inbox import, for the measurement to copy.
 */

/** The size: 50 experts × 20 applicants × 3 stages = 3,000 sheets. */
export const officeImportSize = {
  experts: 50,
  applicants: 20,
  stages: ['material', 'defense', 'site'] as const satisfies readonly Stage[],
} as const;

export interface OfficeImportSize {
  readonly experts: number;
  readonly applicants: number;
  readonly stages: readonly Stage[];
}

/**
 * scrypt at N = 2^10 for the 51 key files, as the handler tests use: key creation and unlock are setup, not measured,
 * and the shipped N = 2^17 would add about 0.6 s per app. Nothing measured depends on it.
 */
export const benchKdf = { N: 2 ** 10, r: 8, p: 1 } as const;
export const benchPassphrase = 'bench passphrase 2026';
export const benchOfficeCycleId = 'bench-office-2026';

const resourcesDir = fileURLToPath(new URL('../resources', import.meta.url));

/** Expert apps worked on at the same time while building: their file writes overlap, their CPU work cannot. */
const setupConcurrency = 4;

export interface PackageFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface OfficeImportWorld {
  /** The office's data folder after registration and issuing, before its first inbox import. */
  readonly officeDir: string;
  /** Where each measured run's copy of the office goes (inside the same temp folder). */
  readonly runsDir: string;
  readonly cycleId: string;
  /** The 3,000 sealed sheets, as the experts' apps wrote them. */
  readonly sheets: readonly PackageFile[];
  /** The pledges and declarations of the same experts (not measured; kept for an office that wants them first). */
  readonly pledgesAndDeclarations: readonly PackageFile[];
  /** Each registered expert's signing public key (base64) by fingerprint, as the office's registry holds it. */
  readonly signingKeys: ReadonlyMap<string, string>;
  readonly setupMs: number;
  /** Deletes every app's data folder. */
  remove(): Promise<void>;
}

/** A fresh app over `dataDir` with the production clock and randomness. */
export function benchApp(dataDir: string): Dispatch {
  return createDispatch(
    createHandlers({
      resourcesDir,
      dataDir,
      transport: 'web',
      appVersion: 'bench',
      now: Date.now,
      random: secureRandom,
      kdf: benchKdf,
    }),
  );
}

/** One contract call that must succeed: its answer, parsed with the contract's response schema. */
export async function call<C extends Channel>(
  dispatch: Dispatch,
  channel: C,
  request: ChannelRequest<C>,
): Promise<ChannelResponse<C>> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  // The schema is the channel's own, so its output is the channel's response type.
  return contract[channel].response.parse(result.value) as ChannelResponse<C>;
}

/**
 * The file as the office receives it. The app's names repeat across experts and stages (applicant, version and the
 * package id's first 8 hex digits, a timestamp), so a folder gathered from 50 experts gets a prefix, as an office
 * collecting USB sticks into one folder would have to give them.
 */
function fileOf(prefix: string, answer: { fileName: string; base64: string }): PackageFile {
  const bytes = decodeBase64Strict(answer.base64);
  if (bytes === undefined) throw new Error(`${answer.fileName}: not base64`);
  return { name: `${prefix}-${answer.fileName}`, bytes };
}

/** Runs `work` for 0…count−1, at most `limit` at a time; results in index order. */
async function pool<T>(count: number, limit: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) results[index] = await work(index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const given = ['建国', '海燕', '志强', '丽娟', '文博'];
const units = ['新疆质量协会', '新疆大学经济与管理学院', '乌鲁木齐市标准化研究院', '新疆维吾尔自治区计量测试研究院'];

function expertProfile(index: number) {
  return {
    name: `${surnames[index % surnames.length] ?? '王'}${given[Math.floor(index / surnames.length) % given.length] ?? ''}`,
    workUnit: units[index % units.length] ?? '新疆质量协会',
    title: '高级工程师',
    phone: '',
    fields: ['卓越绩效'],
  };
}

/** An ISO date `days` after now: the assignment's deadline. */
function dateAfter(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Builds the cycle; on failure the temp folder is removed before the error propagates. */
export async function buildOfficeImportWorld(
  log: (message: string) => void = () => {},
  size: OfficeImportSize = officeImportSize,
): Promise<OfficeImportWorld> {
  const root = await mkdtemp(join(tmpdir(), 'scorebook-office-bench-'));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    return await build(root, remove, log, size);
  } catch (error) {
    await remove();
    throw error;
  }
}

async function build(
  root: string,
  remove: () => Promise<void>,
  log: (message: string) => void,
  size: OfficeImportSize,
) {
  const started = performance.now();
  const { experts: expertCount, applicants: applicantCount, stages } = size;
  const officeDir = join(root, 'office');
  const runsDir = join(root, 'runs');
  await mkdir(runsDir);
  const office = benchApp(officeDir);
  await call(office, 'identity:create-office', {
    name: '乌鲁木齐市质量奖评审办公室（基准测试）',
    passphrase: benchPassphrase,
  });

  log(`setup: ${expertCount} expert apps, identities and enrollment packages`);
  const experts = await pool(expertCount, setupConcurrency, async (index) => {
    const dispatch = benchApp(join(root, `expert-${index + 1}`));
    await call(dispatch, 'identity:create', { profile: expertProfile(index), passphrase: benchPassphrase });
    const enrollment = await call(dispatch, 'enrollment:export', {});
    return { dispatch, enrollment };
  });
  const imported = await call(office, 'office:experts-import', {
    files: experts.map(({ enrollment }) => ({ name: enrollment.fileName, base64: enrollment.base64 })),
  });
  if (imported.imported.length !== expertCount) {
    throw new Error(`office:experts-import took ${imported.imported.length} of ${expertCount}`);
  }
  for (const record of imported.imported) {
    await call(office, 'office:expert-confirm', {
      expertId: record.expertId,
      fingerprint: record.fingerprint,
      confirmedBy: '办公室 张敏',
    });
  }
  const expertIdOf = new Map(imported.imported.map((r) => [r.fingerprint, r.expertId]));

  const bundle = loadDemoBundle();
  const criteria = loadCriteria(bundle.cycle.criteriaId);
  const applicants = buildSeed(applicantCount, new Date().toISOString()).applicants;
  const cycle = {
    ...bundle.cycle,
    id: benchOfficeCycleId,
    demo: false,
    name: { 'zh-CN': '2026年度乌鲁木齐市人民政府质量奖（基准测试）', en: '2026 Urumqi Quality Award (benchmark)' },
    stages: [...stages],
  };
  log(`setup: ${stages.length} × ${expertCount} assignments issued`);
  const issued = new Map<string, string[]>();
  for (const stage of stages) {
    for (const { enrollment } of experts) {
      const expertId = expertIdOf.get(enrollment.fingerprint);
      if (expertId === undefined) throw new Error(`expert ${enrollment.fingerprint} was not registered`);
      const assignment = await call(office, 'office:assignment-issue', {
        cycle,
        commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
        pledgeText: '本人承诺：保守评审秘密，不复制、不外传申报材料；与申报组织有利害关系时主动回避。',
        stage,
        deadline: dateAfter(60),
        panelId: `panel-${stage}`,
        expertId,
        applicants: [...applicants],
      });
      issued.set(enrollment.fingerprint, [...(issued.get(enrollment.fingerprint) ?? []), assignment.base64]);
    }
  }

  log(`setup: each expert imports, pledges, declares and signs ${stages.length * applicantCount} sheets`);
  let done = 0;
  const signed = await pool(expertCount, setupConcurrency, async (index) => {
    const expert = experts[index];
    if (expert === undefined) throw new Error(`no expert ${index}`);
    const random = seededRandom(2026 + index);
    const number = String(index + 1).padStart(2, '0');
    const others: PackageFile[] = [];
    const sheets: PackageFile[] = [];
    for (const [stageIndex, base64] of (issued.get(expert.enrollment.fingerprint) ?? []).entries()) {
      const { payload } = await call(expert.dispatch, 'assignments:import', { base64 });
      const assignmentId = payload.assignment.id;
      // The pledge is per cycle: the expert app asks for it once, before the first declaration.
      const prefix = `e${number}-${payload.assignment.stage}`;
      if (stageIndex === 0) {
        others.push(fileOf(prefix, await call(expert.dispatch, 'packages:sign-pledge', { assignmentId })));
      }
      for (const applicant of applicants) {
        const declaration = { assignmentId, applicantId: applicant.id, conflict: false, grounds: [] };
        const declared = await call(expert.dispatch, 'packages:sign-declaration', {
          ...declaration,
          correctionReason: null,
        });
        others.push(fileOf(prefix, declared));
        const items = benchSheetItems(criteria, applicant, random);
        const work = benchStageWork(payload.assignment.stage);
        const sheet = { assignmentId, applicantId: applicant.id, items, revisionReason: null, work };
        sheets.push(fileOf(prefix, await call(expert.dispatch, 'packages:sign-sheet', sheet)));
      }
    }
    done += 1;
    if (done % 10 === 0) log(`setup: ${done} of ${expertCount} experts done`);
    return { sheets, others };
  });
  const sheets = signed.flatMap((s) => s.sheets);
  const expected = expertCount * applicantCount * stages.length;
  if (sheets.length !== expected) throw new Error(`built ${sheets.length} sheets, expected ${expected}`);
  return {
    officeDir,
    runsDir,
    cycleId: benchOfficeCycleId,
    sheets,
    pledgesAndDeclarations: signed.flatMap((s) => s.others),
    signingKeys: new Map(imported.imported.map((r) => [r.fingerprint, r.signingPublicKey])),
    setupMs: performance.now() - started,
    remove,
  } satisfies OfficeImportWorld;
}

/**
 * The least stage work each sheet may be signed with (issue 5): nothing seeded (each stage is scored afresh here,
 * as before issue 5), and at the site visit the 3 key strengths and 3 opportunities a site sheet needs.
 */
function benchStageWork(stage: Stage): StageWork {
  const work = emptyStageWork(stage, null);
  if (work.site === null) return work;
  const themes = (['strength', 'ofi'] as const).flatMap((kind) =>
    [1, 2, 3].map((n) => ({ id: `${kind}-${n}`, kind, text: `关键主题 ${n}` })),
  );
  return { ...work, site: { ...work.site, themes } };
}

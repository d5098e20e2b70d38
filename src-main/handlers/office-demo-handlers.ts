import type { Applicant, Stage } from '../../src-shared/assignments/assignment-schema';
import type { ChannelRequest, ChannelResponse, SignedPackage } from '../../src-shared/contract/channels';
import type { ExpertRecord } from '../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { encodeBase64 } from '../../src-shared/packages/base64';
import {
  DEMO_CONFIRMED_BY,
  DEMO_CONFLICT_GROUNDS,
  DEMO_EXPERTS,
  DEMO_RECUSAL,
  DEMO_SEED,
  demoRandom,
  demoSheets,
  isDemoCycleName,
  type DemoSheet,
} from '../../src-shared/office/demo-office';
import { defaultStageSetup, type StageSetup } from '../../src-shared/stages/stage-setup';
import { emptyStageWork, type StageWork } from '../../src-shared/stages/stage-work';
import { createAssignmentRecordStore } from '../services/assignment-records';
import { fileNamePart } from '../services/enrollment-package';
import type { KeyStore } from '../services/key-store';
import {
  createDemoExpert,
  memoryArchiveFolder,
  memoryFileStore,
  memorySecretFile,
  type DemoExpert,
} from '../services/office-demo-experts';
import { createOfficePinStore } from '../services/office-pin';
import type { ResourceFiles } from '../services/resource-files';
import { createAssignmentHandlers } from './assignment-handlers';
import { loadCriteria } from './criteria-handlers';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';
import { createPackageHandlers } from './package-handlers';
import { createSheetHandlers } from './sheet-handlers';

/**
 * The office's demo (office:demo-load): five fictional experts with keys made for this call only, registered,
 * confirmed, assigned, and their packages taken in — every step through the office's own handlers (the same code as
 * office:experts-import, office:expert-confirm, office:assignment-issue and office:inbox-import), and every package
 * made by the expert app's own handlers (assignments:import, packages:sign-pledge, -declaration, -sheet) over
 * in-memory stores. So the demo shows exactly what a real cycle shows, and proves the whole path works. Only a cycle
 * whose name carries 示例 takes the demo (the renderer creates it); the demo experts' private keys are forgotten before
 * the call answers, so nothing more can ever be signed with them.
 */

type OfficeSteps =
  'office:experts-import' | 'office:expert-confirm' | 'office:assignment-issue' | 'office:inbox-import';

/** What the expert app does with an assignment: the expert's own channels. */
type ExpertSteps = 'assignments:import' | 'packages:sign-pledge' | 'packages:sign-declaration' | 'packages:sign-sheet';

export interface OfficeDemoDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  /** The shipped resources: the criteria the demo sheets score against. */
  readonly files: ResourceFiles;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
  /** The office's own handlers, built over the same registry and ledger as the channels. */
  readonly office: Pick<Handlers, OfficeSteps>;
}

type DemoRequest = ChannelRequest<'office:demo-load'>;
type InboxFile = { name: string; base64: string };

export function createOfficeDemoHandlers(deps: OfficeDemoDeps): Pick<Handlers, 'office:demo-load'> {
  return {
    async 'office:demo-load'(request) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      if (!isDemoCycleName(request.cycle.name)) {
        const detail = 'cycle.name: the demo loads only into a cycle whose name contains 示例 (demo)';
        return fail('E_BAD_REQUEST', detail, { detail });
      }
      const criteria = await loadCriteria(deps.files, request.cycle.criteriaId);
      if (!criteria.ok) return criteria;
      const experts: DemoExpert[] = [];
      try {
        for (const profile of DEMO_EXPERTS) {
          const made = await createDemoExpert(profile, {
            nowMs: deps.now(),
            random: deps.random,
            appVersion: deps.appVersion,
          });
          if (!made.ok) return made;
          experts.push(made.value);
        }
        return await load(deps, request, criteria.value, experts);
      } finally {
        for (const expert of experts) expert.discard();
      }
    },
  };
}

/** Registers, issues, signs as each expert, then takes every package in; stops at the first failure. */
async function load(
  deps: OfficeDemoDeps,
  request: DemoRequest,
  criteria: Criteria,
  experts: readonly DemoExpert[],
): Promise<Result<ChannelResponse<'office:demo-load'>>> {
  const records = await register(deps.office, experts);
  if (!records.ok) return records;
  const sheets = demoSheets(criteria, request.applicants, demoRandom(DEMO_SEED));
  const files: InboxFile[] = [];
  for (const [index, expert] of experts.entries()) {
    const issued = await deps.office['office:assignment-issue']({
      cycle: request.cycle,
      commentRules: request.commentRules,
      pledgeText: request.pledgeText,
      stage: request.stage,
      deadline: request.deadline,
      panelId: request.panelId,
      expertId: expert.expertId,
      applicants: request.applicants,
      ...(request.stageSetup === undefined ? {} : { stageSetup: request.stageSetup }),
      ...(request.materials === undefined ? {} : { materials: request.materials }),
      ...(request.panelIssues === undefined ? {} : { panelIssues: request.panelIssues }),
    });
    if (!issued.ok) return issued;
    const signed = await expertWork(
      expertApp(expert, deps),
      issued.value.base64,
      request.applicants,
      sheets.filter((sheet) => sheet.expertIndex === index),
      { expertIndex: index, work: demoStageWork(request.stage, request.stageSetup ?? defaultStageSetup) },
    );
    if (!signed.ok) return signed;
    // The app's file names repeat across experts (applicant and version); the office gathers them with a prefix.
    const prefix = fileNamePart(expert.profile.name);
    files.push(...signed.value.map(({ fileName, base64 }) => ({ name: `${prefix}-${fileName}`, base64 })));
  }
  const inbox = await deps.office['office:inbox-import']({ files });
  if (!inbox.ok) return inbox;
  return ok({ experts: records.value, issued: experts.length, inbox: inbox.value });
}

/** Imports the demo experts' enrollments at the office and confirms each fingerprint as demo data. */
async function register(
  office: Pick<Handlers, OfficeSteps>,
  experts: readonly DemoExpert[],
): Promise<Result<ExpertRecord[]>> {
  const imported = await office['office:experts-import']({
    files: experts.map(({ enrollment }) => ({ name: enrollment.fileName, base64: encodeBase64(enrollment.file) })),
  });
  if (!imported.ok) return imported;
  const [refused] = imported.value.rejected;
  if (refused !== undefined) {
    return fail('E_INTERNAL', `demo enrollment refused: ${refused.code}`, {
      detail: `${refused.name}: ${refused.code}`,
    });
  }
  const confirmed: ExpertRecord[] = [];
  for (const expert of experts) {
    const record = await office['office:expert-confirm']({
      expertId: expert.expertId,
      fingerprint: expert.fingerprint,
      confirmedBy: DEMO_CONFIRMED_BY,
    });
    if (!record.ok) return record;
    confirmed.push(record.value);
  }
  return ok(confirmed);
}

/** The expert app's handlers for one demo expert, over stores that live as long as this call. */
function expertApp(expert: DemoExpert, deps: OfficeDemoDeps): Pick<Handlers, ExpertSteps> {
  const where = `demo expert ${expert.expertId} (in memory)`;
  const records = createAssignmentRecordStore(memorySecretFile(), where);
  const outbox = memoryArchiveFolder();
  const base = {
    keys: expert.keys,
    keyFilePath: where,
    records,
    now: deps.now,
    random: deps.random,
    appVersion: deps.appVersion,
  };
  return {
    ...createAssignmentHandlers({
      ...base,
      pins: createOfficePinStore(memorySecretFile(), where),
      inbox: memoryArchiveFolder(),
      inboxDir: where,
      materials: memoryFileStore(),
      files: deps.files,
    }),
    ...createPackageHandlers({ ...base, outbox }),
    ...createSheetHandlers({ ...base, outbox, files: deps.files, evidence: memoryFileStore() }),
  };
}

/**
 * What a demo expert does with the assignment, as in the expert app: import it (verified, the office key pinned),
 * sign the pledge, declare on every applicant (the demo's one conflict included, with its grounds), then submit a
 * sheet for every applicant not recused from. The packages in that order, as the office should take them in.
 */
async function expertWork(
  app: Pick<Handlers, ExpertSteps>,
  base64: string,
  applicants: readonly Applicant[],
  sheets: readonly DemoSheet[],
  context: { readonly expertIndex: number; readonly work: StageWork },
): Promise<Result<SignedPackage[]>> {
  const { expertIndex, work } = context;
  const imported = await app['assignments:import']({ base64 });
  if (!imported.ok) return imported;
  const assignmentId = imported.value.payload.assignment.id;
  const signed: SignedPackage[] = [];
  const pledge = await app['packages:sign-pledge']({ assignmentId });
  if (!pledge.ok) return pledge;
  signed.push(pledge.value);
  for (const [applicantIndex, applicant] of applicants.entries()) {
    const conflict = expertIndex === DEMO_RECUSAL.expertIndex && applicantIndex === DEMO_RECUSAL.applicantIndex;
    const declared = await app['packages:sign-declaration']({
      assignmentId,
      applicantId: applicant.id,
      conflict,
      grounds: conflict ? DEMO_CONFLICT_GROUNDS.map((ground) => ({ ...ground })) : [],
      correctionReason: null,
    });
    if (!declared.ok) return declared;
    signed.push(declared.value);
  }
  for (const sheet of sheets) {
    const submitted = await app['packages:sign-sheet']({
      assignmentId,
      applicantId: sheet.applicantId,
      items: sheet.items,
      revisionReason: null,
      work,
    });
    if (!submitted.ok) return submitted;
    signed.push(submitted.value);
  }
  return ok(signed);
}

/**
 * The stage work each demo sheet carries: nothing beyond the scores, except what the stage requires to be signed — the
 * defense rubric scored (at its full points) and, at the site visit, three key strengths and three opportunities.
 * The demo has no earlier stage to carry, so nothing is seeded.
 */
function demoStageWork(stage: Stage, setup: StageSetup): StageWork {
  const work = emptyStageWork(stage, null);
  if (stage === 'defense' && work.defense !== null) {
    const rubric = setup.defenseRubric.map((criterion) => ({ criterionId: criterion.id, points: criterion.points }));
    return { ...work, defense: { ...work.defense, rubric } };
  }
  if (stage === 'site' && work.site !== null) {
    const themes = (['strength', 'ofi'] as const).flatMap((kind) =>
      [1, 2, 3].map((n) => ({
        id: `demo-${kind}-${n}`,
        kind,
        text: `示例关键主题 ${n}（${kind === 'strength' ? '优势' : '改进机会'}）`,
      })),
    );
    return { ...work, site: { ...work.site, themes } };
  }
  return work;
}

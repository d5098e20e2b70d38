import type { ChannelRequest } from '../../src-shared/contract/channels';
import type { ExpertRecord } from '../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { conflictsBetween, type DeclaredConflict } from '../../src-shared/office/conflicts';
import { encodeBase64 } from '../../src-shared/packages/base64';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../src-shared/packages/uuid-v7';
import { fileNamePart } from './enrollment-package';

/**
 * The assignment the office signs for one expert and stage (docs/package-format.md §3.5). The expert app checks it
 * names its own fingerprint, is consistent with itself, and pins the office key it carries (§7.4).
 */

export type IssueRequest = ChannelRequest<'office:assignment-issue'>;

/**
 * The office's id, the `issuer` of its assignments and receipts: `office-` and the first 16 hex digits of its
 * signing-key fingerprint, as expert ids are made (enrollment-package.ts expertIdOf). Experts keep no registry of
 * office ids — they trust the pinned key and take the issuer from the package — so any id verifies; deriving it from
 * the key keeps it the same on every package the office signs, and different for another office key.
 */
export function officeIdOf(fingerprint: string): string {
  return `office-${fingerprint.slice(0, 16)}`;
}

export interface IssuingOffice {
  readonly name: string;
  readonly fingerprint: string;
  readonly signingPublicKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
}

const badRequest = (detail: string): Result<never> => fail('E_BAD_REQUEST', `bad request: ${detail}`, { detail });

/** What the expert app would refuse as inconsistent (assignment-handlers.ts), refused here first. */
function requestProblem(request: IssueRequest): string | undefined {
  if (request.cycle.demo) return 'cycle.demo: the office key signs real cycles only';
  if (!request.cycle.stages.includes(request.stage)) return `stage: ${request.stage} is not one of the cycle's stages`;
  const ids = request.applicants.map((applicant) => applicant.id);
  if (new Set(ids).size !== ids.length) return 'applicants: an applicant id repeats';
  return undefined;
}

/**
 * The first conflict between the expert and an applicant (declared in this cycle, the work unit, declared in an
 * earlier cycle about the same credit code), as E_CONFLICT with its names and reasons.
 */
export function firstConflict(
  expert: ExpertRecord,
  request: IssueRequest,
  declared: readonly DeclaredConflict[],
): Result<void> {
  const who = { expertId: expert.expertId, name: expert.profile.name, workUnit: expert.profile.workUnit };
  for (const applicant of request.applicants) {
    const [finding] = conflictsBetween(who, applicant, request.cycle.id, declared);
    if (finding !== undefined) {
      return fail('E_CONFLICT', `${expert.expertId} and ${applicant.id}: ${finding.reason}`, finding.params);
    }
  }
  return ok(undefined);
}

/**
 * The signed payload's content; ids come from the clock and randomness passed in. Issue 5: the request's stage
 * setup as given (absent: the expert app uses the defaults), and of its materials and panel issues only those of
 * this assignment's applicants — an expert receives nothing about an applicant they do not evaluate.
 */
export function assignmentPayloadFor(
  request: IssueRequest,
  expert: ExpertRecord,
  office: IssuingOffice,
  context: { readonly nowMs: number; readonly random: (bytes: Uint8Array) => Uint8Array; readonly appVersion: string },
): Result<AssignmentPayload> {
  const problem = requestProblem(request);
  if (problem !== undefined) return badRequest(problem);
  const { cycle, stage, applicants } = request;
  const ids = new Set(applicants.map((applicant) => applicant.id));
  const checked = assignmentPayloadSchema.safeParse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: uuidV7(context.nowMs, context.random),
    cycleId: cycle.id,
    issuer: officeIdOf(office.fingerprint),
    keyId: office.fingerprint,
    createdAt: new Date(context.nowMs).toISOString(),
    app: { name: 'Scorebook', version: context.appVersion },
    expertId: expert.expertId,
    expertFingerprint: expert.fingerprint,
    cycle,
    commentRules: request.commentRules,
    pledgeText: request.pledgeText,
    assignment: {
      id: uuidV7(context.nowMs, context.random),
      cycleId: cycle.id,
      expertId: expert.expertId,
      stage,
      applicantIds: applicants.map((applicant) => applicant.id),
      deadline: request.deadline,
    },
    applicants,
    office: {
      name: office.name,
      signingPublicKey: encodeBase64(office.signingPublicKey),
      receivingPublicKey: encodeBase64(office.receivingPublicKey),
    },
    ...(request.stageSetup === undefined ? {} : { stageSetup: request.stageSetup }),
    ...(request.materials === undefined
      ? {}
      : { materials: request.materials.filter((material) => ids.has(material.applicantId)) }),
    ...(request.panelIssues === undefined
      ? {}
      : { panelIssues: request.panelIssues.filter((issue) => ids.has(issue.applicantId)) }),
  } satisfies AssignmentPayload);
  if (!checked.success) {
    return badRequest(`assignment: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  }
  return ok(checked.data);
}

/** `assignment-<cycle>-<stage>-<expert name>-<last 8 hex of the packageId>.qapkg` (its random part: the first digits are the clock, alike for a minute). */
export function assignmentFileName(payload: AssignmentPayload, expert: ExpertRecord): string {
  const cycle = fileNamePart(payload.cycleId);
  return `assignment-${cycle}-${payload.assignment.stage}-${fileNamePart(expert.profile.name)}-${payload.packageId.slice(-8)}.qapkg`;
}

import type { Stage } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { computeTotals } from '../scoring/totals';
import { sha256Hex } from './bytes';
import type { OpenedPackage } from './open-package';
import type { AttachmentRef, DeclarationPayload, PledgePayload, SheetPayload } from './payload-schemas';

/** The last accepted package of one version chain. */
export interface ChainHead {
  readonly seq: number;
  readonly payloadSha256: string;
}

/** What the office knows, asked by the verifier (steps 8–11); an implementation reads its own store. */
export interface OfficeState {
  cycleOpen(cycleId: string): Promise<boolean | undefined> | boolean | undefined;
  stageOpen(cycleId: string, stage: Stage): Promise<boolean> | boolean;
  isAssigned(
    expertId: string,
    cycleId: string,
    stage: Stage,
    applicantId: string,
    assignmentId: string,
  ): Promise<boolean> | boolean;
  isRecused(expertId: string, cycleId: string, applicantId: string): Promise<boolean> | boolean;
  /** The payload hash of a package id already accepted, for duplicates and id reuse. */
  knownPackage(packageId: string): Promise<string | undefined> | string | undefined;
  chainHead(chainKey: string): Promise<ChainHead | undefined> | ChainHead | undefined;
  criteria(criteriaId: string): Promise<Criteria | undefined> | Criteria | undefined;
}

export type OfficeVerdict =
  | { readonly outcome: 'accept'; readonly chainKey: string | null; readonly seq: number | null }
  | { readonly outcome: 'duplicate' };

/**
 * One version chain per (expert, cycle, stage, applicant) and kind: a sheet and a declaration
 * about the same applicant count their versions separately.
 */
export function chainKeyOf(
  payload: Pick<SheetPayload | DeclarationPayload, 'kind' | 'issuer' | 'cycleId' | 'stage' | 'applicantId'>,
): string {
  return [payload.kind, payload.issuer, payload.cycleId, payload.stage, payload.applicantId].join('\u001f');
}

async function checkChain(
  payload: SheetPayload | DeclarationPayload,
  payloadSha256: string,
  state: OfficeState,
): Promise<Result<string>> {
  const key = chainKeyOf(payload);
  const head = await state.chainHead(key);
  const lastSeq = head?.seq ?? 0;
  const params = { seq: payload.seq, lastSeq };
  if (head !== undefined && payload.seq === head.seq) {
    // The same version again under a new package id is a replay; other content is a fork.
    return head.payloadSha256 === payloadSha256
      ? fail('E_ROLLBACK', 'replayed version', params)
      : fail('E_FORK', 'same seq, other content', params);
  }
  if (payload.seq <= lastSeq) return fail('E_ROLLBACK', 'older version', params);
  if (payload.seq > lastSeq + 1) return fail('E_GAP', 'versions missing', params);
  // seq = last + 1: it must build on the accepted head, or it forks the chain.
  if (payload.prevHash !== (head?.payloadSha256 ?? null)) return fail('E_FORK', 'prevHash does not match', params);
  return ok(key);
}

/** How the verifier computes what it checks; main passes node:crypto's SHA-256 (a site visit's photos are ~100 MB). */
export interface VerifyOptions {
  /** SHA-256 as lower-case hex (FIPS 180-4). Default: WebCrypto (bytes.ts). */
  readonly sha256Hex?: (bytes: Uint8Array) => Promise<string> | string;
}

async function checkAttachments(
  refs: readonly AttachmentRef[],
  blobs: ReadonlyMap<string, Uint8Array>,
  hash: (bytes: Uint8Array) => Promise<string> | string,
): Promise<Result<true>> {
  const referenced = new Set<string>();
  for (const ref of refs) {
    const bytes = blobs.get(ref.sha256);
    if (bytes === undefined || bytes.byteLength !== ref.size || (await hash(bytes)) !== ref.sha256) {
      return fail('E_ATTACHMENT', `attachment ${ref.name} missing or altered`, { name: ref.name });
    }
    referenced.add(ref.sha256);
  }
  for (const name of blobs.keys()) {
    if (!referenced.has(name)) return fail('E_ATTACHMENT', `unlisted attachment ${name}`, { name });
  }
  return ok(true);
}

function checkTotals(payload: SheetPayload, criteria: Criteria): Result<true> {
  const known = new Set(criteria.categories.flatMap((c) => c.items.map((i) => i.id)));
  const percents = new Map<string, number>();
  for (const item of payload.items) {
    if (!known.has(item.itemId) || percents.has(item.itemId)) {
      return fail('E_SCHEMA', `unknown or repeated item ${item.itemId}`, { detail: `item ${item.itemId}` });
    }
    percents.set(item.itemId, item.percent);
  }
  const totals = computeTotals(criteria, percents);
  const claimed = new Map(payload.totals.categories.map((c) => [c.categoryId, c.hundredths]));
  const same =
    totals.hundredths === payload.totals.hundredths &&
    claimed.size === totals.categories.length &&
    payload.totals.categories.length === claimed.size &&
    totals.categories.every((c) => claimed.get(c.categoryId) === c.hundredths);
  return same ? ok(true) : fail('E_TOTALS', `totals differ: ${payload.totals.hundredths} vs ${totals.hundredths}`);
}

/**
 * Steps 8–11 of docs/package-format.md for an opened package: cycle and stage open, expert assigned
 * and not recused, the version chain, attachments, recomputed totals. A package id seen before with
 * the same bytes is a duplicate (answered with the original receipt); with other bytes, E_ID_REUSE.
 */
export async function verifyForOffice(
  opened: OpenedPackage,
  state: OfficeState,
  options: VerifyOptions = {},
): Promise<Result<OfficeVerdict>> {
  const payload = opened.payload as
    SheetPayload | DeclarationPayload | PledgePayload | { kind: string; cycleId: string; packageId: string };
  if (opened.kind !== 'sheet' && opened.kind !== 'declaration' && opened.kind !== 'pledge') {
    return fail('E_TYPE', `the office does not take ${opened.kind} packages here`, { payloadType: opened.payloadType });
  }
  const known = await state.knownPackage(payload.packageId);
  if (known !== undefined) {
    return known === opened.payloadSha256 ? ok({ outcome: 'duplicate' }) : fail('E_ID_REUSE', 'package id reused');
  }
  // 8. cycle, stage, assignment, recusal
  const cycleOpen = await state.cycleOpen(payload.cycleId);
  if (cycleOpen !== true) return fail('E_CYCLE', `cycle ${payload.cycleId}`, { cycleId: payload.cycleId });
  if (opened.kind === 'pledge') {
    if (opened.blobs.size > 0)
      return fail('E_ATTACHMENT', 'a pledge carries no attachments', { name: [...opened.blobs.keys()][0] ?? '' });
    return ok({ outcome: 'accept', chainKey: null, seq: null });
  }
  const chained = payload as SheetPayload | DeclarationPayload;
  if (!(await state.stageOpen(chained.cycleId, chained.stage)))
    return fail('E_STAGE_CLOSED', 'stage closed', { stage: chained.stage });
  if (
    !(await state.isAssigned(chained.issuer, chained.cycleId, chained.stage, chained.applicantId, chained.assignmentId))
  ) {
    return fail('E_NOT_ASSIGNED', 'not assigned');
  }
  if (chained.kind === 'sheet' && (await state.isRecused(chained.issuer, chained.cycleId, chained.applicantId))) {
    return fail('E_RECUSED', 'expert recused');
  }
  // 9. version chain
  const chain = await checkChain(chained, opened.payloadSha256, state);
  if (!chain.ok) return chain;
  if (chained.kind === 'sheet') {
    // 10. attachments, 11. totals
    const attachments = await checkAttachments(chained.attachments, opened.blobs, options.sha256Hex ?? sha256Hex);
    if (!attachments.ok) return attachments;
    const criteria = await state.criteria(chained.criteria.id);
    if (criteria === undefined)
      return fail('E_SCHEMA', `unknown criteria ${chained.criteria.id}`, { detail: 'criteria' });
    const totals = checkTotals(chained, criteria);
    if (!totals.ok) return totals;
  } else if (opened.blobs.size > 0) {
    return fail('E_ATTACHMENT', 'a declaration carries no attachments', { name: [...opened.blobs.keys()][0] ?? '' });
  }
  return ok({ outcome: 'accept', chainKey: chain.value, seq: chained.seq });
}

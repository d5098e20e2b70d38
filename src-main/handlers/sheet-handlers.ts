import type { ChannelRequest, SignedPackage } from '../../src-shared/contract/channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { itemIds } from '../../src-shared/criteria/load-criteria';
import { encodeBase64 } from '../../src-shared/packages/base64';
import { sheetPayloadSchema, type SheetPayload } from '../../src-shared/packages/payload-schemas';
import { checkForSubmit, sheetContent, type SubmitItem } from '../../src-shared/scoring/submit-validation';
import { chainHead, isRecused } from '../services/assignment-records';
import { fileNamePart } from '../services/enrollment-package';
import { evidenceAttachments } from '../services/evidence-attachments';
import type { FileStore } from '../services/file-store';
import type { ResourceFiles } from '../services/resource-files';
import { stageWorkProblems, stageWorkRefusal } from '../services/stage-work-check';
import { loadCriteria } from './criteria-handlers';
import type { Handlers } from './handler-types';
import { badRequest, createPackageSigning, type PackageDeps } from './package-signing';

/**
 * Score sheets (docs/package-format.md §3.8, §4 chains): main checks the sheet again against the criteria of the
 * assignment's cycle and the cycle's comment rules (submit-validation.ts), takes the next seq and prevHash of the
 * (cycle, stage, applicant) sheet chain, signs, seals to the office's receiving key, keeps the file in
 * `<dataDir>/outbox/<packageId>-sheet.qapkg` and records the chain entry.
 *
 * Refusals: E_NO_PROFILE / E_KEY_FILE_CORRUPT / E_LOCKED (no usable identity); E_NOT_ASSIGNED (assignment not
 * imported, or the applicant not in it); E_WRONG_EXPERT; E_BAD_REQUEST with detail `declare first` (no declaration
 * about the applicant yet), `items …` (an item repeats or the criteria do not know it) or `revisionReason …` (null for
 * seq 1, non-blank from seq 2); E_RECUSED (the latest declaration declares a conflict); the criteria's own error when
 * they do not load; E_SHEET_INCOMPLETE with `count`, the number of blocking problems (warnings do not block).
 *
 * Issue 5: the request carries the stage's `work`, signed in the payload. E_STAGE_WORK (`detail`, `detailEn`: the
 * problems listed in each language, stage-work-check.ts) when it was seeded from another stage than the one before
 * in the cycle's order, a change does not match the percent submitted or lacks its reason, an issue is left open at
 * the site visit, the key themes are not 3–5 of each kind, the defense rubric is incomplete, or evidence is linked to
 * nothing. Every evidence file must be in `<dataDir>/evidence/` with its size and hash (E_EVIDENCE_MISSING); each
 * distinct one becomes an attachment whose bytes travel in the package (docs/package-format.md §2.3).
 */

export interface SheetDeps extends PackageDeps {
  /** The shipped resources: the criteria a sheet is checked against. */
  readonly files: ResourceFiles;
  /** `<dataDir>/evidence/`: the files evidence:add stored, by SHA-256. */
  readonly evidence: FileStore;
}

export function createSheetHandlers(deps: SheetDeps): Pick<Handlers, 'packages:sign-sheet'> {
  const { signer, assignmentOf, common, sealAndKeep } = createPackageSigning(deps);

  const signSheet = async (request: ChannelRequest<'packages:sign-sheet'>): Promise<Result<SignedPackage>> => {
    const me = await signer();
    if (!me.ok) return me;
    const { assignmentId, applicantId, revisionReason, work } = request;
    return deps.records.update(async (records) => {
      const found = assignmentOf(records, me.value, assignmentId);
      if (!found.ok) return found;
      const record = found.value;
      if (!record.applicantIds.includes(applicantId)) {
        return fail('E_NOT_ASSIGNED', `${applicantId} is not in assignment ${assignmentId}`);
      }
      if (chainHead(records, 'declaration', record.cycleId, record.stage, applicantId) === undefined) {
        return badRequest('declare first');
      }
      if (isRecused(records, assignmentId, applicantId)) {
        return fail('E_RECUSED', `recused from ${applicantId} in cycle ${record.cycleId}`);
      }
      const criteria = await loadCriteria(deps.files, record.criteriaId);
      if (!criteria.ok) return criteria;
      const known = new Set(itemIds(criteria.value));
      const items = itemsById(request.items, known);
      if (!items.ok) return items;
      const check = checkForSubmit(criteria.value, items.value, record.commentRules);
      if (check.errors.length > 0) {
        const count = check.errors.length;
        return fail('E_SHEET_INCOMPLETE', `sheet for ${applicantId}: ${count} problems`, { count });
      }
      const problems = stageWorkProblems({
        stage: record.stage,
        stages: record.stages,
        work,
        rubric: record.stageSetup.defenseRubric,
        itemIds: known,
        percents: new Map([...items.value].map(([itemId, item]) => [itemId, item.percent])),
      });
      if (problems.length > 0) return stageWorkRefusal(problems);
      const evidence = await evidenceAttachments(deps.evidence, work.evidence);
      if (!evidence.ok) return evidence;
      const head = chainHead(records, 'sheet', record.cycleId, record.stage, applicantId);
      const seq = (head?.seq ?? 0) + 1;
      if (seq === 1 && revisionReason !== null) return badRequest('revisionReason: none for the first version');
      if (seq > 1 && (revisionReason === null || revisionReason.trim() === '')) {
        return badRequest('revisionReason: a revision needs a reason');
      }
      const content = sheetContent(criteria.value, items.value);
      const checked = sheetPayloadSchema.safeParse({
        schema: 'scorebook.sheet/1',
        kind: 'sheet',
        ...common(me.value, record.cycleId, deps.now()),
        stage: record.stage,
        applicantId,
        assignmentId,
        assignmentHash: record.assignmentHash,
        seq,
        prevHash: head?.payloadSha256 ?? null,
        criteria: { id: criteria.value.id, version: criteria.value.version },
        items: content.items,
        totals: content.totals,
        attachments: evidence.value.attachments,
        revisionReason,
        work,
      } satisfies SheetPayload);
      if (!checked.success) {
        return badRequest(`sheet: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
      }
      const payload = checked.data;
      const kept = await sealAndKeep('sheet', payload, record, evidence.value.blobs);
      if (!kept.ok) return kept;
      const entry = {
        kind: 'sheet' as const,
        cycleId: payload.cycleId,
        stage: payload.stage,
        applicantId,
        seq,
        payloadSha256: kept.value.payloadSha256,
        signedAt: payload.createdAt,
      };
      return ok({
        next: { ...records, chains: [...records.chains, entry] },
        value: {
          packageId: payload.packageId,
          // The stage keeps one applicant's sheets of several stages apart; the id's last 8 hex digits are random (RFC 9562
          // UUIDv7), where its first 8 are the clock and repeat within about a minute.
          fileName: `sheet-${payload.stage}-${fileNamePart(applicantId)}-v${seq}-${payload.packageId.slice(-8)}.qapkg`,
          base64: encodeBase64(kept.value.file),
          payloadSha256: kept.value.payloadSha256,
          seq,
        },
      });
    });
  };

  return { 'packages:sign-sheet': signSheet };
}

/** The request's items by id; an id given twice or unknown to the criteria is refused rather than dropped. */
function itemsById(
  items: ChannelRequest<'packages:sign-sheet'>['items'],
  known: ReadonlySet<string>,
): Result<Map<string, SubmitItem>> {
  const byId = new Map<string, SubmitItem>();
  for (const { itemId, ...item } of items) {
    if (byId.has(itemId)) return badRequest(`items: ${itemId} repeats`);
    if (!known.has(itemId)) return badRequest(`items: ${itemId} is not an item of the criteria`);
    byId.set(itemId, item);
  }
  return ok(byId);
}

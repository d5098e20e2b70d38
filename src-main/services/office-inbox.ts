import { inboxPackageSchema, type InboxResult } from '../../src-shared/contract/office-channels';
import { fail, ok, type AppError, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { encodeBase64 } from '../../src-shared/packages/base64';
import type { Ed25519Verifier } from '../../src-shared/packages/ed25519';
import { openPackage, type RegisteredKey } from '../../src-shared/packages/open-package';
import { verifyForOffice } from '../../src-shared/packages/verify-office';
import type { FileStore } from './file-store';
import type { NodeUnsealer } from './node-hpke';
import { nodeSha256Hex } from './node-verify';
import type { BatchArchive } from './office-archive';
import { rejectionKey, type AcceptedEntry } from './office-ledger';
import type { LedgerDraft } from './office-ledger-store';
import { checkPledge, ledgerOfficeState } from './office-state';

/**
 * One file through the office's inbox (docs/package-format.md §5): steps 1–7 (openPackage: sealed to the office,
 * a pledge, declaration or sheet, signed by a confirmed expert's key), steps 8–11 (verifyForOffice against the
 * ledger, with the assignment-hash and pledge-text checks of office-state.ts), then step 12:
 * - accepted: the exact file in `inbox/accepted/<packageId>.qapkg`, a sheet's attachments (checked in step 10) each
 *   in `office/attachments/<sha256>`, a receipt signed by the office, one ledger line with the parsed payload and
 *   the receipt. The attachments go through the same batch archive as the file, flushed before the ledger line is
 *   appended: an accepted sheet never lacks its attachments after a crash (an orphan attachment of a sheet whose line
 *   was not written is harmless: the same bytes are stored once when it comes again);
 * - the same package again (same packageId, same payload hash, even re-sealed): the ORIGINAL receipt, nothing written;
 * - refused: the file unchanged in `inbox/rejected/<sha256 of the file>.qapkg` and one ledger line with its code
 *   (once per file and code).
 * A failure to write is not a verdict on the file: it is returned as an error and stops the whole import.
 */

/** The contract takes at most 120 MiB of base64 per file: 90 MiB of bytes (a site-visit sheet with 30 photos of 3 MB). */
export const maxInboxFileBytes = 90 * 1024 * 1024;

export interface SignedReceipt {
  readonly receiptId: string;
  readonly file: Uint8Array;
}

export interface InboxRun {
  readonly draft: LedgerDraft;
  /** The registry's trusted keys by fingerprint (office-registry.ts trustedKeys). */
  readonly keys: ReadonlyMap<string, RegisteredKey>;
  readonly unsealer: NodeUnsealer;
  readonly verifier: Ed25519Verifier;
  readonly criteria: (criteriaId: string) => Promise<Criteria | undefined>;
  readonly archive: BatchArchive;
  /** `<dataDir>/office/attachments/`: written through `archive`; `put` only repairs a damaged file. */
  readonly attachments: FileStore;
  readonly acceptedDir: string;
  readonly rejectedDir: string;
  /** Signs the receipt of an accepted package (build-receipt.ts), at `nowMs`. */
  readonly receipt: (accepted: {
    cycleId: string;
    receiptFor: string;
    payloadSha256: string;
    acceptedSeq: number | null;
  }) => Promise<Result<SignedReceipt>>;
  readonly nowMs: number;
}

export async function takeFile(run: InboxRun, name: string, file: Uint8Array): Promise<Result<InboxResult>> {
  const sha256 = nodeSha256Hex(file);
  const refuse = async (error: AppError, cycleId: string | null): Promise<Result<InboxResult>> => {
    const kept = await run.archive.put(run.rejectedDir, `${sha256}.qapkg`, file);
    if (!kept.ok) return kept;
    const params = { ...error.params };
    if (!run.draft.ledger.rejectionKeys.has(rejectionKey(sha256, error.code))) {
      const at = new Date(run.nowMs).toISOString();
      run.draft.add({ type: 'rejected', name, sha256, cycleId, code: error.code, params, at });
    }
    return ok({ outcome: 'rejected', name, sha256, code: error.code, params });
  };

  const opened = await openPackage(file, {
    maxFileBytes: maxInboxFileBytes,
    requireSealed: true,
    acceptedKinds: ['pledge', 'declaration', 'sheet'],
    openSeal: (sealed) => run.unsealer.open(sealed),
    keyFor: (fingerprint) => run.keys.get(fingerprint),
    signatureVerifier: run.verifier,
    sha256Hex: nodeSha256Hex,
  });
  if (!opened.ok) return refuse(opened.error, null);
  const parsed = inboxPackageSchema.shape.payload.safeParse(opened.value.payload);
  if (!parsed.success) return fail('E_INTERNAL', 'opened package does not parse again', { detail: 'schema' });
  const payload = parsed.data;
  const { payloadSha256 } = opened.value;
  const hash = payload.kind === 'pledge' ? null : payload.assignmentHash;
  const verdict = await verifyForOffice(opened.value, ledgerOfficeState(run.draft.ledger, hash, run.criteria), {
    sha256Hex: nodeSha256Hex,
  });
  if (!verdict.ok) return refuse(verdict.error, payload.cycleId);

  const answer = (outcome: 'accepted' | 'duplicate', entry: AcceptedEntry): InboxResult => ({
    outcome,
    name,
    packageId: entry.packageId,
    kind: entry.payload.kind,
    expertId: entry.payload.issuer,
    cycleId: entry.payload.cycleId,
    stage: entry.payload.kind === 'pledge' ? null : entry.payload.stage,
    applicantId: entry.payload.kind === 'pledge' ? null : entry.payload.applicantId,
    seq: entry.payload.kind === 'pledge' ? null : entry.payload.seq,
    payloadSha256: entry.payloadSha256,
    receiptId: entry.receiptId,
  });
  if (verdict.value.outcome === 'duplicate') {
    const original = run.draft.ledger.acceptedById.get(payload.packageId);
    if (original === undefined) return fail('E_INTERNAL', 'duplicate without its original', { detail: 'ledger' });
    return ok(answer('duplicate', original));
  }
  if (payload.kind === 'pledge') {
    const pledge = checkPledge(run.draft.ledger, payload);
    if (!pledge.ok) return refuse(pledge.error, payload.cycleId);
  }

  const kept = await keepAttachments(run, opened.value.blobs);
  if (!kept.ok) return kept;
  const archivedAs = await archiveAccepted(run, payload.packageId, sha256, file);
  if (!archivedAs.ok) return archivedAs;
  const receipt = await run.receipt({
    cycleId: payload.cycleId,
    receiptFor: payload.packageId,
    payloadSha256,
    acceptedSeq: verdict.value.seq,
  });
  if (!receipt.ok) return receipt;
  const entry: AcceptedEntry = {
    type: 'accepted',
    packageId: payload.packageId,
    receivedAt: new Date(run.nowMs).toISOString(),
    payloadSha256,
    payload,
    name,
    archivedAs: archivedAs.value,
    receiptId: receipt.value.receiptId,
    receipt: encodeBase64(receipt.value.file),
  };
  run.draft.add(entry);
  return ok(answer('accepted', entry));
}

/**
 * Each blob of an accepted package as `<sha256>` in the attachments folder, in the call's batch. verifyForOffice
 * checked every blob against its listed SHA-256 (step 10), so the name is the content: a file already there with
 * other bytes is damage, rewritten with the right ones.
 */
async function keepAttachments(run: InboxRun, blobs: ReadonlyMap<string, Uint8Array>): Promise<Result<void>> {
  for (const [sha256, bytes] of blobs) {
    const put = await run.archive.put(run.attachments.dir, sha256, bytes);
    if (put.ok) continue;
    if (put.error.params?.reason !== 'exists') return put;
    const repaired = await run.attachments.put(bytes);
    if (!repaired.ok) return repaired;
  }
  return ok(undefined);
}

/**
 * `<packageId>.qapkg`; when that name holds other bytes (a re-sealed copy from an import that crashed before its
 * ledger line was written), `<packageId>-<first 16 hex of the file's SHA-256>.qapkg` beside it: nothing is replaced.
 */
async function archiveAccepted(
  run: InboxRun,
  packageId: string,
  sha256: string,
  file: Uint8Array,
): Promise<Result<string>> {
  const plain = `${packageId}.qapkg`;
  const first = await run.archive.put(run.acceptedDir, plain, file);
  if (first.ok) return ok(plain);
  if (first.error.params?.reason !== 'exists') return first;
  const named = `${packageId}-${sha256.slice(0, 16)}.qapkg`;
  const second = await run.archive.put(run.acceptedDir, named, file);
  return second.ok ? ok(named) : second;
}

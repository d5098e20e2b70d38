import { z } from 'zod';
import { stageSchema, type Stage } from '../../src-shared/assignments/assignment-schema';
import {
  inboxPackageSchema,
  issuedAssignmentSchema,
  type InboxPackage,
  type InboxRejection,
  type IssuedAssignment,
} from '../../src-shared/contract/office-channels';
import type { DeclaredConflict } from '../../src-shared/office/conflicts';
import { chainKeyOf, type ChainHead } from '../../src-shared/packages/verify-office';

/**
 * The office's ledger, `<dataDir>/office/ledger.jsonl` (format `scorebook.office-ledger/1`, office-journal.ts): one
 * line per assignment issued, per package accepted (with its parsed payload and the exact receipt answered) and per
 * file refused. It is what the inbox verifies against (office-state.ts) and what the office's screens list. Lines
 * are only added; everything else here is derived from them in memory (`applyEntry`).
 */

export const ledgerFormat = 'scorebook.office-ledger/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const params = z.record(z.string(), z.union([z.string(), z.number()]));

/** What the inbox needs of an issued assignment beyond the contract's view of it. */
export const issuedEntrySchema = issuedAssignmentSchema
  .extend({
    type: z.literal('issued'),
    /** SHA-256 of the UTF-8 pledge text sent: a pledge must name it. */
    pledgeTextSha256: hex64,
    criteriaId: z.string().min(1),
    /** The applicants' names and credit codes: a declared conflict follows the organisation into later cycles. */
    applicants: z.array(z.object({ id: z.string().min(1), name: z.string(), uscc: z.string() }).strict()).min(1),
  })
  .strict();
export type IssuedEntry = z.infer<typeof issuedEntrySchema>;

export const acceptedEntrySchema = inboxPackageSchema
  .extend({
    type: z.literal('accepted'),
    /** The file's name as picked, and its name in inbox/accepted/. */
    name: z.string(),
    archivedAs: z.string(),
    /** The receipt package answered, exactly as signed (base64), and its packageId. */
    receiptId: z.string(),
    receipt: z.string(),
  })
  .strict();
export type AcceptedEntry = z.infer<typeof acceptedEntrySchema>;

export const rejectedEntrySchema = z
  .object({
    type: z.literal('rejected'),
    name: z.string(),
    sha256: hex64,
    /** The cycle the package names, when it opened far enough to tell; null otherwise. */
    cycleId: z.string().nullable(),
    code: z.string(),
    params,
    at: z.string(),
  })
  .strict();
export type RejectedEntry = z.infer<typeof rejectedEntrySchema>;

export const ledgerEntrySchema = z.union([issuedEntrySchema, acceptedEntrySchema, rejectedEntrySchema]);
export type LedgerEntry = IssuedEntry | AcceptedEntry | RejectedEntry;

/** The ledger's entries and the indexes the inbox asks for each package. */
export interface Ledger {
  readonly issued: IssuedEntry[];
  readonly accepted: AcceptedEntry[];
  readonly rejected: RejectedEntry[];
  readonly issuedById: Map<string, IssuedEntry>;
  readonly acceptedById: Map<string, AcceptedEntry>;
  /** The accepted head of each version chain (chainKeyOf). */
  readonly heads: Map<string, AcceptedEntry>;
  /** Rejections already recorded, as `sha256 code`: the same file refused again for the same reason is one line. */
  readonly rejectionKeys: Set<string>;
}

export function emptyLedger(): Ledger {
  return {
    issued: [],
    accepted: [],
    rejected: [],
    issuedById: new Map(),
    acceptedById: new Map(),
    heads: new Map(),
    rejectionKeys: new Set(),
  };
}

export function rejectionKey(sha256: string, code: string): string {
  return `${sha256} ${code}`;
}

/** The version chain of an accepted sheet or declaration (verify-office.ts chainKeyOf); null for a pledge. */
export function chainKeyOfEntry(entry: AcceptedEntry): string | null {
  return entry.payload.kind === 'pledge' ? null : chainKeyOf(entry.payload);
}

/** Adds one entry to the ledger and its indexes (in place: the ledger lives in one store's closure). */
export function applyEntry(ledger: Ledger, entry: LedgerEntry): void {
  if (entry.type === 'issued') {
    ledger.issued.push(entry);
    ledger.issuedById.set(entry.assignmentId, entry);
  } else if (entry.type === 'accepted') {
    ledger.accepted.push(entry);
    ledger.acceptedById.set(entry.packageId, entry);
    const chain = chainKeyOfEntry(entry);
    if (chain !== null) ledger.heads.set(chain, entry);
  } else {
    ledger.rejected.push(entry);
    ledger.rejectionKeys.add(rejectionKey(entry.sha256, entry.code));
  }
}

export function ledgerOf(entries: readonly LedgerEntry[]): Ledger {
  const ledger = emptyLedger();
  for (const entry of entries) applyEntry(ledger, entry);
  return ledger;
}

export function chainHeadOf(ledger: Ledger, chainKey: string): ChainHead | undefined {
  const head = ledger.heads.get(chainKey);
  if (head === undefined || head.payload.kind === 'pledge') return undefined;
  return { seq: head.payload.seq, payloadSha256: head.payloadSha256 };
}

/** Whether the expert's latest declaration about the applicant, in any stage of the cycle, declares a conflict. */
export function isRecusedIn(ledger: Ledger, expertId: string, cycleId: string, applicantId: string): boolean {
  return stageSchema.options.some((stage: Stage) => {
    const head = ledger.heads.get(chainKeyOf({ kind: 'declaration', issuer: expertId, cycleId, stage, applicantId }));
    return head?.payload.kind === 'declaration' && head.payload.conflict;
  });
}

/**
 * Every conflict the office learned from accepted declarations (the latest version of each chain says conflict), in
 * any cycle, with the applicant's credit code from the assignment the office issued (null when it issued none).
 */
export function declaredConflicts(ledger: Ledger): DeclaredConflict[] {
  const found: DeclaredConflict[] = [];
  for (const head of ledger.heads.values()) {
    const payload = head.payload;
    if (payload.kind !== 'declaration' || !payload.conflict) continue;
    const applicant = ledger.issuedById
      .get(payload.assignmentId)
      ?.applicants.find((candidate) => candidate.id === payload.applicantId);
    found.push({
      expertId: payload.issuer,
      cycleId: payload.cycleId,
      applicantId: payload.applicantId,
      uscc: applicant?.uscc ?? null,
    });
  }
  return found;
}

/** The contract's view of an issued assignment. */
export function issuedView(entry: IssuedEntry): IssuedAssignment {
  return {
    assignmentId: entry.assignmentId,
    cycleId: entry.cycleId,
    stage: entry.stage,
    expertId: entry.expertId,
    panelId: entry.panelId,
    applicantIds: entry.applicantIds,
    packageId: entry.packageId,
    payloadSha256: entry.payloadSha256,
    fileName: entry.fileName,
    issuedAt: entry.issuedAt,
  };
}

export function packageView(entry: AcceptedEntry): InboxPackage {
  return {
    packageId: entry.packageId,
    receivedAt: entry.receivedAt,
    payloadSha256: entry.payloadSha256,
    payload: entry.payload,
  };
}

/** The inbox of one cycle: the latest version of each chain, every pledge, the refusals, and all versions counted. */
export function cycleInbox(
  ledger: Ledger,
  cycleId: string,
): { packages: InboxPackage[]; rejected: InboxRejection[]; acceptedCount: number } {
  const mine = ledger.accepted.filter((entry) => entry.payload.cycleId === cycleId);
  const packages = mine
    .filter((entry) => {
      const chain = chainKeyOfEntry(entry);
      return chain === null || ledger.heads.get(chain) === entry;
    })
    .map(packageView);
  // A file that did not open far enough to name its cycle is shown with every cycle: it must not go unseen.
  const rejected = ledger.rejected
    .filter((entry) => entry.cycleId === cycleId || entry.cycleId === null)
    .map(({ name, sha256, code, params: p, at }) => ({ name, sha256, code, params: p, at }));
  return { packages, rejected, acceptedCount: mine.length };
}

/** The receipts answered to one expert in one cycle, in the order the packages were accepted. */
export function receiptsOf(ledger: Ledger, cycleId: string, expertId: string): string[] {
  return ledger.accepted
    .filter((entry) => entry.payload.cycleId === cycleId && entry.payload.issuer === expertId)
    .map((entry) => entry.receipt);
}

import type { Stage } from '../assignments/assignment-schema';
import type { InboxPackage } from '../contract/office-channels';
import type { DeclarationPayload, SheetPayload } from '../packages/payload-schemas';
import type { OfficeSheet } from './office-schemas';

/** Why an accepted sheet does not enter this cycle's aggregation. */
export type SkippedSheetReason = 'other-cycle' | 'other-criteria';

export interface SkippedSheet {
  readonly packageId: string;
  readonly expertId: string;
  readonly applicantId: string;
  readonly stage: Stage;
  readonly reason: SkippedSheetReason;
}

/** An expert recused from an applicant in the cycle: their latest accepted declaration of some stage says conflict. */
export interface Recusal {
  readonly expertId: string;
  readonly applicantId: string;
}

export interface InboxSheets {
  /** One per (expert, applicant, stage): the highest `seq` accepted, in the order the inbox first listed each. */
  readonly sheets: readonly OfficeSheet[];
  readonly skipped: readonly SkippedSheet[];
  /** Who is recused from whom (as the inbox's `isRecused` decides: for the whole cycle, whatever the stage). */
  readonly recusals: readonly Recusal[];
}

/**
 * The recusals of a cycle: per (expert, stage, applicant) declaration chain its highest `seq`; a conflict there
 * recuses the expert from that applicant for the cycle, as the inbox refuses their sheets (E_RECUSED).
 */
export function recusalsFromInbox(packages: readonly InboxPackage[], cycleId: string): Recusal[] {
  const latest = new Map<string, DeclarationPayload>();
  for (const { payload } of packages) {
    if (payload.kind !== 'declaration' || payload.cycleId !== cycleId) continue;
    const key = `${payload.issuer}\u0000${payload.stage}\u0000${payload.applicantId}`;
    const earlier = latest.get(key);
    if (earlier === undefined || payload.seq > earlier.seq) latest.set(key, payload);
  }
  const recused = new Map<string, Recusal>();
  for (const payload of latest.values()) {
    if (payload.conflict) {
      const recusal = { expertId: payload.issuer, applicantId: payload.applicantId };
      recused.set(`${recusal.expertId}\u0000${recusal.applicantId}`, recusal);
    }
  }
  return [...recused.values()];
}

/**
 * Turns the inbox's accepted packages into the sheets the aggregation works on. The inbox already lists the latest
 * version of each chain; should it ever list two versions, the higher `seq` wins, because the office keeps one
 * sheet per expert (aggregateStage refuses two). The expert is the package's `issuer` — main checked that the
 * issuer's registered key signed it. An item absent from the payload was left unscored (null). Pledges and
 * declarations carry no scores and are passed over; a sheet of another cycle or criteria is listed as skipped
 * rather than aggregated, since its item ids and grid would not be this cycle's.
 */
export function officeSheetsFromInbox(
  packages: readonly InboxPackage[],
  cycleId: string,
  criteriaId: string,
): InboxSheets {
  const latest = new Map<string, SheetPayload>();
  const skipped: SkippedSheet[] = [];
  for (const { payload } of packages) {
    if (payload.kind !== 'sheet') continue;
    const reason: SkippedSheetReason | null =
      payload.cycleId !== cycleId ? 'other-cycle' : payload.criteria.id !== criteriaId ? 'other-criteria' : null;
    if (reason !== null) {
      skipped.push({
        packageId: payload.packageId,
        expertId: payload.issuer,
        applicantId: payload.applicantId,
        stage: payload.stage,
        reason,
      });
      continue;
    }
    const key = `${payload.issuer}\u0000${payload.stage}\u0000${payload.applicantId}`;
    const earlier = latest.get(key);
    // A chain keeps the place of its first listed version (Map.set on a known key does not move it).
    if (earlier === undefined || payload.seq > earlier.seq) latest.set(key, payload);
  }
  const sheets = [...latest.values()].map((payload): OfficeSheet => ({
    expertId: payload.issuer,
    applicantId: payload.applicantId,
    stage: payload.stage,
    percents: Object.fromEntries(payload.items.map((item) => [item.itemId, item.percent])),
  }));
  return { sheets, skipped, recusals: recusalsFromInbox(packages, cycleId) };
}

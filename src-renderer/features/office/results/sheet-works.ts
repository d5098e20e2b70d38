import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { InboxPackage } from '../../../../src-shared/contract/office-channels';
import type { AttachmentRef } from '../../../../src-shared/packages/payload-schemas';
import type { DefenseSegment, RubricCriterion } from '../../../../src-shared/stages/stage-setup';
import type {
  DefenseQuestion,
  DocumentSeen,
  Evidence,
  Interview,
  IssueToVerify,
  ItemChange,
  StageWork,
} from '../../../../src-shared/stages/stage-work';

/**
 * The stage work of accepted sheets (issue 5) as the office reads it next to the scores: per expert what changed
 * from the previous stage and why, the issues to verify and how they were settled, the defense and the site visit,
 * and the evidence files. Sheets from apps before issue 5 carry no work; they are listed with `work` null.
 */

export interface SheetWork {
  readonly expertId: string;
  readonly applicantId: string;
  readonly stage: Stage;
  readonly work: StageWork | null;
  readonly attachments: readonly AttachmentRef[];
}

/** Per (expert, applicant, stage) of the cycle the highest accepted version, in the order the inbox lists them. */
export function sheetWorksFromInbox(packages: readonly InboxPackage[], cycleId: string): SheetWork[] {
  const latest = new Map<string, Extract<InboxPackage['payload'], { kind: 'sheet' }>>();
  for (const { payload } of packages) {
    if (payload.kind !== 'sheet' || payload.cycleId !== cycleId) continue;
    const key = `${payload.issuer}\u0000${payload.stage}\u0000${payload.applicantId}`;
    const earlier = latest.get(key);
    if (earlier === undefined || payload.seq > earlier.seq) latest.set(key, payload);
  }
  return [...latest.values()].map((payload) => ({
    expertId: payload.issuer,
    applicantId: payload.applicantId,
    stage: payload.stage,
    work: payload.work ?? null,
    attachments: payload.attachments,
  }));
}

/** Whether any expert recorded anything beyond the scores. */
export function hasWork(works: readonly SheetWork[]): boolean {
  return works.some(({ work }) => {
    if (work === null) return false;
    const defense = work.defense;
    const site = work.site;
    return (
      work.changes.length > 0 ||
      work.issues.length > 0 ||
      work.evidence.length > 0 ||
      (defense !== null && defense.segments.length + defense.questions.length + defense.rubric.length > 0) ||
      (site !== null && site.interviews.length + site.documents.length + site.themes.length > 0)
    );
  });
}

export interface SegmentRun {
  readonly id: string;
  /** The cycle's name of the segment; null when the cycle no longer has a segment of that id. */
  readonly name: DefenseSegment['name'] | null;
  readonly plannedMinutes: number;
  readonly usedSeconds: number;
  /** Seconds over the planned time, 0 when within it. */
  readonly overrunSeconds: number;
}

/** The defense's segments as run, named from the cycle's setup. */
export function segmentRuns(work: StageWork, segments: readonly DefenseSegment[]): SegmentRun[] {
  return (work.defense?.segments ?? []).map((use) => ({
    id: use.id,
    name: segments.find((s) => s.id === use.id)?.name ?? null,
    plannedMinutes: use.plannedMinutes,
    usedSeconds: use.usedSeconds,
    overrunSeconds: Math.max(0, use.usedSeconds - use.plannedMinutes * 60),
  }));
}

export interface RubricMean {
  readonly criterion: RubricCriterion;
  /** The panel's mean points, two decimals; null when no expert scored it. */
  readonly mean: number | null;
  readonly scoredBy: number;
}

/** The panel's mean per rubric criterion of the cycle, over the experts who scored it. */
export function rubricMeans(works: readonly SheetWork[], rubric: readonly RubricCriterion[]): RubricMean[] {
  return rubric.map((criterion) => {
    const points = works.flatMap(
      ({ work }) => work?.defense?.rubric.filter((r) => r.criterionId === criterion.id).map((r) => r.points) ?? [],
    );
    const mean =
      points.length === 0 ? null : Math.round((points.reduce((a, b) => a + b, 0) / points.length) * 100) / 100;
    return { criterion, mean, scoredBy: points.length };
  });
}

/** The evidence linked to an item: directly, or through an issue to verify that bears on it. */
export function evidenceForItem(work: StageWork, itemId: string): Evidence[] {
  const issueIds = new Set(work.issues.filter((issue) => issue.itemIds.includes(itemId)).map((issue) => issue.id));
  return work.evidence.filter((e) => e.itemIds.includes(itemId) || e.issueIds.some((id) => issueIds.has(id)));
}

/** One expert's evidence and findings for one item; experts with nothing on the item are left out. */
export interface ItemFinding {
  readonly expertId: string;
  readonly change: ItemChange | null;
  readonly issues: readonly IssueToVerify[];
  readonly questions: readonly DefenseQuestion[];
  readonly interviews: readonly Interview[];
  readonly documents: readonly DocumentSeen[];
  readonly evidence: readonly Evidence[];
  /** The sheet's attachments, to read the evidence files by. */
  readonly attachments: readonly AttachmentRef[];
  /** All of the expert's issues, so evidence can name the issues it is linked to. */
  readonly allIssues: readonly IssueToVerify[];
}

/** "Evidence and findings for this item" from every expert of the applicant at the stage. */
export function itemFindings(works: readonly SheetWork[], itemId: string): ItemFinding[] {
  const findings: ItemFinding[] = [];
  for (const { expertId, work, attachments } of works) {
    if (work === null) continue;
    const on = <T extends { readonly itemIds: readonly string[] }>(list: readonly T[]): T[] =>
      list.filter((entry) => entry.itemIds.includes(itemId));
    const finding: ItemFinding = {
      expertId,
      change: work.changes.find((c) => c.itemId === itemId) ?? null,
      issues: on(work.issues),
      questions: on(work.defense?.questions ?? []),
      interviews: on(work.site?.interviews ?? []),
      documents: on(work.site?.documents ?? []),
      evidence: evidenceForItem(work, itemId),
      attachments,
      allIssues: work.issues,
    };
    const empty =
      finding.change === null &&
      finding.issues.length +
        finding.questions.length +
        finding.interviews.length +
        finding.documents.length +
        finding.evidence.length ===
        0;
    if (!empty) findings.push(finding);
  }
  return findings;
}

/** Raster images the page shows as thumbnails; anything else (PDF, SVG, video…) is a named file to open. */
export function isThumbnailType(mediaType: string): boolean {
  return /^image\/(png|jpeg|gif|webp|bmp)$/i.test(mediaType);
}

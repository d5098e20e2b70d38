import { errorCodes, type ErrorCode } from '../../../../src-shared/contract/error-codes';
import type { ExpertRecord, InboxPackage, IssuedAssignment } from '../../../../src-shared/contract/office-channels';
import type { AppError } from '../../../../src-shared/contract/result';

/** The kinds an expert sends the office, in the order the screens list them. */
export const inboxKinds = ['sheet', 'declaration', 'pledge'] as const;
export type InboxKind = (typeof inboxKinds)[number];

const knownCodes: ReadonlySet<string> = new Set(errorCodes);

function isErrorCode(code: string): code is ErrorCode {
  return knownCodes.has(code);
}

/**
 * Main reports a refusal's code as a plain string (the list is kept on disk and may outlive a code); a code this
 * version does not know is still shown, through E_INTERNAL's message, with the raw code as its detail.
 */
export function rejectionError(
  code: string,
  params: Readonly<Record<string, string | number>>,
): Pick<AppError, 'code' | 'params'> {
  return isErrorCode(code) ? { code, params } : { code: 'E_INTERNAL', params: { detail: code } };
}

/** How many packages of each kind the inbox holds (the latest version of every chain, every pledge). */
export function countByKind(packages: readonly InboxPackage[]): Readonly<Record<InboxKind, number>> {
  const counts: Record<InboxKind, number> = { sheet: 0, declaration: 0, pledge: 0 };
  for (const item of packages) counts[item.payload.kind] += 1;
  return counts;
}

/** One expert's line in the inbox: what came in against what their issued assignments ask for. */
export interface ExpertProgress {
  readonly expertId: string;
  readonly name: string;
  readonly sheetsIn: number;
  readonly sheetsExpected: number;
  readonly declarations: number;
  readonly pledges: number;
  /** The expert's chains and pledges in the inbox; none means there is no receipt to export yet. */
  readonly packages: number;
}

/**
 * Per expert who has an assignment or a package in the cycle. Expected sheets are the (stage, applicant) pairs of the
 * expert's issued assignments (a re-issued assignment does not count twice); sheets in are the chains with a sheet,
 * whatever their version.
 */
export function expertProgress(
  experts: readonly ExpertRecord[],
  assignments: readonly IssuedAssignment[],
  packages: readonly InboxPackage[],
): ExpertProgress[] {
  const expected = new Map<string, Set<string>>();
  const sheets = new Map<string, Set<string>>();
  const declarations = new Map<string, Set<string>>();
  const pledges = new Map<string, number>();
  const add = (map: Map<string, Set<string>>, expertId: string, key: string): void => {
    const set = map.get(expertId) ?? new Set<string>();
    set.add(key);
    map.set(expertId, set);
  };
  for (const assignment of assignments) {
    for (const applicantId of assignment.applicantIds)
      add(expected, assignment.expertId, `${assignment.stage}/${applicantId}`);
  }
  for (const { payload } of packages) {
    if (payload.kind === 'pledge') pledges.set(payload.issuer, (pledges.get(payload.issuer) ?? 0) + 1);
    else
      add(payload.kind === 'sheet' ? sheets : declarations, payload.issuer, `${payload.stage}/${payload.applicantId}`);
  }
  const ids = new Set([...expected.keys(), ...packages.map((item) => item.payload.issuer)]);
  const names = new Map(experts.map((expert) => [expert.expertId, expert.profile.name]));
  return [...ids]
    .map((expertId) => {
      const sheetsIn = sheets.get(expertId)?.size ?? 0;
      const declared = declarations.get(expertId)?.size ?? 0;
      const pledged = pledges.get(expertId) ?? 0;
      return {
        expertId,
        name: names.get(expertId) ?? expertId,
        sheetsIn,
        sheetsExpected: expected.get(expertId)?.size ?? 0,
        declarations: declared,
        pledges: pledged,
        packages: sheetsIn + declared + pledged,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.expertId.localeCompare(b.expertId));
}

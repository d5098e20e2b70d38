import { useCallback, useMemo, useState } from 'react';
import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import { fail, ok, type AppError, type Result } from '../../../../src-shared/contract/result';
import type { Criteria } from '../../../../src-shared/criteria/criteria-schema';
import { officeSheetsFromInbox, type InboxSheets } from '../../../../src-shared/office/inbox-sheets';
import { resultsSettingsFromCycle, type AdvanceRule } from '../../../../src-shared/office/office-schemas';
import { assembleResults, type AssembledResults } from '../../../../src-shared/office/results-assembly';
import { useServices } from '../../../components/services';
import { useAsync, type AsyncState } from '../../../components/use-async';
import { listOfficeApplicants } from '../../../data/office-applicant-repository';
import { listOfficeConsensus, loadOfficeDecision } from '../../../data/office-consensus-repository';
import { loadOfficeCycle } from '../../../data/office-cycle-repository';
import { listOfficePanels } from '../../../data/office-panel-repository';
import type { OfficeConsensusRow, OfficeDecisionRow, OfficePanelRow } from '../../../data/office-rows';
import type { OfficeCycleRow } from '../../../data/row-schemas';
import { sheetWorksFromInbox, type SheetWork } from './sheet-works';

/** What the results screens read, loaded once per visit (and again after "reload"). */
export interface CycleData {
  readonly cycle: OfficeCycleRow;
  readonly criteria: Criteria;
  readonly applicantNames: ReadonlyMap<string, string>;
  readonly expertNames: ReadonlyMap<string, string>;
  readonly panels: readonly OfficePanelRow[];
  readonly inbox: InboxSheets;
  /** Issue 5: each accepted sheet's stage work and attachments (work null for sheets before it). */
  readonly works: readonly SheetWork[];
  readonly consensusRows: readonly OfficeConsensusRow[];
  readonly decision: OfficeDecisionRow | undefined;
  /**
   * What main could not give (the inbox, the expert registry): shown as banners while the rest still works, so the
   * office sees its panels and signed records even when, say, the key is locked.
   */
  readonly warnings: readonly AppError[];
}

/** The loading steps, in order, for the progress bar. */
export const loadSteps = ['cycle', 'criteria', 'local', 'inbox', 'experts'] as const;
export type LoadStep = (typeof loadSteps)[number];

export interface CycleDataState {
  readonly state: AsyncState<CycleData>;
  /** The step under way (index into loadSteps). */
  readonly step: number;
  readonly reload: () => void;
}

/** Loads a cycle's results data: settings and criteria, the local rows, then main's inbox and expert registry. */
export function useCycleData(cycleId: string): CycleDataState {
  const { client, db, now } = useServices();
  const [generation, setGeneration] = useState(0);
  const [step, setStep] = useState(0);
  const state = useAsync(async (): Promise<Result<CycleData>> => {
    setStep(0);
    const cycle = await loadOfficeCycle(db, cycleId, now);
    if (cycle === undefined) return fail('E_CYCLE', `no cycle ${cycleId}`, { cycleId });
    setStep(1);
    const criteria = await client.call('criteria:get', { id: cycle.settings.criteriaId });
    if (!criteria.ok) return criteria;
    setStep(2);
    const [applicants, panels, consensusRows, decision] = await Promise.all([
      listOfficeApplicants(db, cycleId, now),
      listOfficePanels(db, cycleId, now),
      listOfficeConsensus(db, cycleId, now),
      loadOfficeDecision(db, cycleId, now),
    ]);
    const warnings: AppError[] = [];
    setStep(3);
    const inbox = await client.call('office:inbox-list', { cycleId });
    if (!inbox.ok) warnings.push(inbox.error);
    setStep(4);
    const experts = await client.call('office:experts-list', {});
    if (!experts.ok) warnings.push(experts.error);
    return ok({
      cycle,
      criteria: criteria.value,
      applicantNames: new Map(applicants.map((row) => [row.id, row.record.name])),
      expertNames: new Map((experts.ok ? experts.value : []).map((e) => [e.expertId, e.profile.name])),
      panels,
      inbox: inbox.ok
        ? officeSheetsFromInbox(inbox.value.packages, cycleId, cycle.settings.criteriaId)
        : { sheets: [], skipped: [], recusals: [] },
      works: inbox.ok ? sheetWorksFromInbox(inbox.value.packages, cycleId) : [],
      consensusRows,
      decision,
      warnings,
    });
  }, [client, db, now, cycleId, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, step, reload };
}

/** No advance rules: one frozen object, so the memo below does not recompute on every render. */
const noAdvance: Partial<Record<Stage, AdvanceRule>> = Object.freeze({});

/**
 * The cycle's results under its settings (and the advance rules the office picked on the page), computed by the
 * shared functions; the consensus rows given override the loaded ones (a consensus just signed on this page).
 */
export function useAssembled(
  data: CycleData,
  consensusRows: readonly OfficeConsensusRow[],
  advance: Partial<Record<Stage, AdvanceRule>> = noAdvance,
): Result<AssembledResults> {
  return useMemo(
    () =>
      assembleResults({
        criteria: data.criteria,
        plans: data.panels,
        sheets: data.inbox.sheets,
        consensus: consensusRows.map((row) => row.current.record),
        settings: resultsSettingsFromCycle(data.cycle.settings, advance),
        recusals: data.inbox.recusals,
      }),
    [data, consensusRows, advance],
  );
}

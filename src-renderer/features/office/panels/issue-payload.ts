import type { ChannelRequest } from '../../../../src-shared/contract/channels';
import type { CycleSettings } from '../../../../src-shared/office/cycle-settings';
import type { AssignmentMaterial, PanelIssue } from '../../../../src-shared/stages/stage-setup';
import { checkPanelIssues, type PanelNames } from '../../../data/office-panel-repository';
import { isMaterialStored } from '../../../data/office-applicant-repository';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../data/office-rows';
import type { PanelProblem } from './panel-rules';

/**
 * What an assignment carries since issue 5, beside the cycle and the applicants' profiles: the cycle's stage setup,
 * the applicants' PDFs and, at the site visit, the panel's issues to verify.
 *
 * A material whose bytes were never stored (recorded before issue 5, or imported from a table) blocks issuing with
 * its name: leaving it out would send experts an incomplete application without anyone noticing, and choosing the
 * file again on the applicants page stores it.
 */

type Extras = Pick<ChannelRequest<'office:assignment-issue'>, 'stageSetup' | 'materials' | 'panelIssues'>;

/** The PDFs of the panel's applicants, in the panel's order; a material not stored is a problem naming it. */
export function panelMaterials(
  panel: Pick<OfficePanelRow, 'applicantIds'>,
  applicants: readonly OfficeApplicantRow[],
): { readonly materials: AssignmentMaterial[]; readonly problems: PanelProblem[] } {
  const materials: AssignmentMaterial[] = [];
  const problems: PanelProblem[] = [];
  for (const applicantId of panel.applicantIds) {
    const row = applicants.find((a) => a.id === applicantId);
    if (row === undefined) continue;
    for (const material of row.record.materials) {
      if (!isMaterialStored(row, material.sha256)) {
        const name = row.record.name;
        const file = material.fileName;
        const detail = `申报组织“${name}”的材料“${file}”文件未存储，请在“申报组织”页重新选择该文件后再签发。`;
        const detailEn = `the file of “${name}”’s material “${file}” is not stored: choose it again on the Applicants page, then issue.`;
        problems.push({ subject: name, error: { code: 'E_PANEL_INVALID', params: { detail, detailEn } } });
        continue;
      }
      materials.push({
        applicantId,
        sha256: material.sha256,
        size: material.size,
        name: material.fileName,
        commercialSecret: material.commercialSecret,
      });
    }
  }
  return { materials, problems };
}

/** The panel's issues of its current applicants, as assignments carry them (site-visit panels only). */
export function panelIssuesOf(
  panel: Pick<OfficePanelRow, 'stage' | 'applicantIds' | 'issues'>,
  names: Pick<PanelNames, 'applicant'>,
): { readonly issues: PanelIssue[]; readonly problems: PanelProblem[] } {
  if (panel.stage !== 'site') return { issues: [], problems: [] };
  // An applicant taken out of the panel keeps its issues in the row (put back, they return), but they are not sent.
  const current = (panel.issues ?? []).filter((issue) => panel.applicantIds.includes(issue.applicantId));
  const checked = checkPanelIssues(panel, current, names);
  if (!checked.ok) return { issues: [], problems: [{ subject: null, error: checked.error }] };
  const issues = current.map(({ id, applicantId, itemIds, kind, text }) => ({ id, applicantId, itemIds, kind, text }));
  return { issues, problems: [] };
}

/** The issue-5 fields of every request of the panel, or the problems that keep it from being issued. */
export function issueExtras(input: {
  readonly settings: CycleSettings;
  readonly panel: OfficePanelRow;
  readonly applicants: readonly OfficeApplicantRow[];
  readonly names: Pick<PanelNames, 'applicant'>;
}): { readonly extras: Extras; readonly problems: PanelProblem[] } {
  const materials = panelMaterials(input.panel, input.applicants);
  const issues = panelIssuesOf(input.panel, input.names);
  const extras: Extras = {
    stageSetup: input.settings.stageSetup,
    ...(materials.materials.length > 0 ? { materials: materials.materials } : {}),
    ...(issues.issues.length > 0 ? { panelIssues: issues.issues } : {}),
  };
  return { extras, problems: [...materials.problems, ...issues.problems] };
}

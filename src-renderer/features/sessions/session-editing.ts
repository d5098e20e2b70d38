import type { ReactNode } from 'react';
import type { StageWorkRow } from '../../data/stage-rows';
import type { StageWorkEdit } from '../../data/stage-work-repository';
import type { Choice } from './choice-picker';
import type { IssueDraft } from './session-records';

/**
 * What every stage section edits with: the row on screen, the save path and the pickers' choices. Text fields carry
 * the row schema's length limits (src-shared/stages/stage-work.ts) as maxLength, so no paste can make a write fail.
 */
export interface SessionEditing {
  readonly row: StageWorkRow;
  readonly change: (compute: (row: StageWorkRow) => StageWorkEdit, options?: { typing?: boolean }) => void;
  readonly flush: () => void;
  readonly itemChoices: readonly Choice[];
  readonly newId: () => string;
  readonly nowIso: () => string;
  /** An issue's "attach evidence" control. */
  readonly attach: (issue: IssueDraft, record: string) => ReactNode;
}

/** The typing option of an editor's change: keystrokes wait for a pause, everything else is written at once. */
export const typingOption = (typing: boolean): { typing: boolean } => ({ typing });

/** What every record log takes from the section as it is (its `onChange` is the section's own). */
export const logProps = (
  editing: SessionEditing,
): Pick<SessionEditing, 'itemChoices' | 'newId'> & { readonly onBlur: () => void } => ({
  itemChoices: editing.itemChoices,
  newId: editing.newId,
  onBlur: editing.flush,
});

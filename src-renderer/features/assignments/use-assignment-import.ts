import { useState } from 'react';
import type { AppError, Result } from '../../../src-shared/contract/result';
import { toBase64 } from '../../components/file-bytes';
import { useIdentity } from '../../components/identity-context';
import { useServices } from '../../components/services';
import { storeVerifiedAssignment, type VerifiedAssignment } from '../../data/assignment-repository';

export interface ImportState {
  readonly busy: boolean;
  readonly error: Pick<AppError, 'code' | 'params'> | undefined;
  /** The last verified import, to show the office fingerprint at a first pin. */
  readonly imported: VerifiedAssignment | undefined;
  /** A file refused for a changed office key, kept so the expert can re-pin after checking with the office. */
  readonly awaitingRepin: string | undefined;
}

/**
 * Imports an office-signed assignment: main verifies and pins, the renderer stores the verified payload.
 * The demo goes the same way: main signs it with the public demo office key and seals it to this expert.
 */
export function useAssignmentImport(onStored: (assignmentId: string) => void) {
  const { client, db, now } = useServices();
  const { status } = useIdentity();
  const [state, setState] = useState<ImportState>({
    busy: false,
    error: undefined,
    imported: undefined,
    awaitingRepin: undefined,
  });

  const store = async (verified: Result<VerifiedAssignment>, base64: string): Promise<void> => {
    if (!verified.ok) {
      const awaitingRepin = verified.error.code === 'E_OFFICE_KEY_CHANGED' ? base64 : undefined;
      setState({ busy: false, error: verified.error, imported: undefined, awaitingRepin });
      return;
    }
    const profile = status.profile ?? { name: '', workUnit: '', title: '' };
    const stored = await storeVerifiedAssignment(
      db,
      verified.value,
      { name: profile.name, workUnit: profile.workUnit, title: profile.title },
      now,
    );
    if (!stored.ok) {
      setState({ busy: false, error: stored.error, imported: undefined, awaitingRepin: undefined });
      return;
    }
    setState({ busy: false, error: undefined, imported: verified.value, awaitingRepin: undefined });
    onStored(stored.value);
  };

  return {
    state,
    async importFile(file: File): Promise<void> {
      setState({ ...state, busy: true, error: undefined });
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      await store(await client.call('assignments:import', { base64 }), base64);
    },
    async repin(): Promise<void> {
      if (state.awaitingRepin === undefined) return;
      setState({ ...state, busy: true });
      await store(await client.call('assignments:repin', { base64: state.awaitingRepin }), state.awaitingRepin);
    },
    async openDemo(): Promise<void> {
      setState({ ...state, busy: true, error: undefined });
      const demo = await client.call('demo:assignment', {});
      if (!demo.ok) {
        setState({ busy: false, error: demo.error, imported: undefined, awaitingRepin: undefined });
        return;
      }
      await store(await client.call('assignments:import', { base64: demo.value.base64 }), demo.value.base64);
    },
  };
}

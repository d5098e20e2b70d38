import { createContext, useContext } from 'react';
import type { IdentityStatus } from '../../src-shared/contract/channels';

/** The unlocked identity and its controls, provided by the identity gate to every page behind it. */
export interface IdentityControls {
  readonly status: IdentityStatus;
  readonly update: (status: IdentityStatus) => void;
  readonly lock: () => void;
  /** Asks main again (an answer said E_LOCKED): if the keys are locked, the gate shows the unlock form. */
  readonly recheck: () => void;
}

export const IdentityContext = createContext<IdentityControls | undefined>(undefined);

export function useIdentity(): IdentityControls {
  const value = useContext(IdentityContext);
  if (value === undefined) throw new Error('useIdentity outside IdentityGate');
  return value;
}

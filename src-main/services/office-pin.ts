import { z } from 'zod';
import { fail, type Result } from '../../src-shared/contract/result';
import { formatFingerprint } from '../../src-shared/packages/ed25519';
import type { SecretFile } from './secret-file';
import { createJsonStore, type JsonStore } from './json-store';

/**
 * The office signing key the expert app trusts (docs/package-format.md §7.4): pinned at the first assignment import,
 * kept in `<dataDir>/office-pin.json`. A later assignment signed by another key is refused (E_OFFICE_KEY_CHANGED)
 * unless the expert explicitly re-pins; the replaced key moves to `history`, so an audit can see every change.
 * The demo office key is never written here (assignment-handlers.ts).
 *
 * A file that does not read or parse is reported as E_KEY_FILE_CORRUPT naming the file and is NEVER overwritten:
 * silently starting over would let the next assignment pin whatever key signed it.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const isoTime = z.string().min(1).max(40);

const pinnedKeySchema = z
  .object({
    fingerprint: hex64,
    /** The raw 32-byte Ed25519 public key, base64: receipts are verified with it later (§7.4). */
    signingPublicKey: z.string().min(1).max(100),
    officeName: z.string().max(100),
    pinnedAt: isoTime,
  })
  .strict();
export type PinnedKey = z.infer<typeof pinnedKeySchema>;

export const officePinFileSchema = z
  .object({
    format: z.literal('scorebook.office-pin/1'),
    version: z.literal(1),
    current: pinnedKeySchema.nullable(),
    history: z.array(pinnedKeySchema.extend({ replacedAt: isoTime }).strict()).max(10_000),
  })
  .strict();
export type OfficePinFile = z.infer<typeof officePinFileSchema>;

export const emptyOfficePin: OfficePinFile = {
  format: 'scorebook.office-pin/1',
  version: 1,
  current: null,
  history: [],
};

/** How an office key stands against the pin: newly pinned, the pinned one, or (import only) a different one. */
export type PinDecision =
  | { readonly outcome: 'same' }
  | { readonly outcome: 'new'; readonly next: OfficePinFile }
  | { readonly outcome: 'changed'; readonly pinned: string };

/**
 * The pin rule, pure: no pin → pin `key` (`new`); the pinned fingerprint → `same`; another one → `changed` on import,
 * or on an explicit re-pin `new`, with the old pin moved to the history (`replacedAt` = the new `pinnedAt`).
 */
export function decidePin(state: OfficePinFile, key: PinnedKey, repin: boolean): PinDecision {
  const { current } = state;
  if (current === null) return { outcome: 'new', next: { ...state, current: key } };
  if (current.fingerprint === key.fingerprint) return { outcome: 'same' };
  if (!repin) return { outcome: 'changed', pinned: current.fingerprint };
  return {
    outcome: 'new',
    next: { ...state, current: key, history: [...state.history, { ...current, replacedAt: key.pinnedAt }] },
  };
}

/** E_OFFICE_KEY_CHANGED with both fingerprints formatted for reading aloud (groups of four). */
export function officeKeyChanged(fingerprint: string, pinned: string): Result<never> {
  return fail('E_OFFICE_KEY_CHANGED', `office key ${fingerprint} is not the pinned ${pinned}`, {
    fingerprint: formatFingerprint(fingerprint),
    pinned: formatFingerprint(pinned),
  });
}

/** The pin store: see JsonStore (one change at a time, never writes a corrupt or invalid file). */
export type OfficePinStore = JsonStore<OfficePinFile>;

export function createOfficePinStore(file: SecretFile, fileName: string): OfficePinStore {
  return createJsonStore(file, {
    fileName,
    label: 'office pin file',
    format: 'scorebook.office-pin/1',
    schema: officePinFileSchema,
    empty: emptyOfficePin,
  });
}

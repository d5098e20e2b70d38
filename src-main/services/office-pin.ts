import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { formatFingerprint } from '../../src-shared/packages/ed25519';
import type { SecretFile } from './secret-file';

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

export interface OfficePinStore {
  /** The pin file, the empty state when there is none; E_KEY_FILE_CORRUPT when it does not read or parse. */
  read(): Promise<Result<OfficePinFile>>;
  /**
   * Runs `change` on the current state, one call at a time (two imports cannot both pin a different first key), and
   * writes the state it returns, if any, atomically. A corrupt file is refused before `change` runs, never written.
   */
  update<T>(change: (state: OfficePinFile) => Promise<Result<{ next?: OfficePinFile; value: T }>>): Promise<Result<T>>;
}

export function createOfficePinStore(file: SecretFile, fileName: string): OfficePinStore {
  let queue: Promise<unknown> = Promise.resolve();

  const corrupt = (why: string): Result<never> =>
    fail('E_KEY_FILE_CORRUPT', `office pin file ${fileName}: ${why}`, { file: fileName });

  const read = async (): Promise<Result<OfficePinFile>> => {
    const bytes = await file.read();
    if (!bytes.ok) return corrupt(bytes.error.message);
    if (bytes.value === undefined) return ok(emptyOfficePin);
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.value));
    } catch {
      return corrupt('not UTF-8 JSON');
    }
    const parsed = officePinFileSchema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : corrupt('does not match scorebook.office-pin/1');
  };

  return {
    read,
    update(change) {
      const run = queue.then(async () => {
        const state = await read();
        if (!state.ok) return state;
        const changed = await change(state.value);
        if (!changed.ok) return changed;
        const { next, value } = changed.value;
        if (next !== undefined) {
          const written = await file.write(new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`));
          if (!written.ok) return written;
        }
        return ok(value);
      });
      // The queue only orders the calls; a failure of one must not stop the next.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

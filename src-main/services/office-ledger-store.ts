import { ok, type Result } from '../../src-shared/contract/result';
import { createJournal } from './office-journal';
import { applyEntry, ledgerEntrySchema, ledgerFormat, ledgerOf, type Ledger, type LedgerEntry } from './office-ledger';

/**
 * The office ledger held in memory: read from `ledger.jsonl` once, on first use, then kept current as entries are
 * appended. Every read and change runs alone, in call order, so two imports cannot both take the same chain seq.
 * The state lives in the object this returns (one per createHandlers), never in the module.
 */
export interface LedgerDraft {
  readonly ledger: Ledger;
  /** Adds an entry: the rest of the change sees it at once; it is written when the change succeeds. */
  add(entry: LedgerEntry): void;
}

export interface OfficeLedgerStore {
  /** Runs `look` on the current ledger. */
  read<T>(look: (ledger: Ledger) => Promise<Result<T>> | Result<T>): Promise<Result<T>>;
  /**
   * Runs `change` with a draft and appends what it added in one write and one fsync, before answering. A change that
   * fails, or a write that fails, leaves nothing: the in-memory ledger is dropped and read again from the file.
   */
  change<T>(change: (draft: LedgerDraft) => Promise<Result<T>>): Promise<Result<T>>;
}

export function createOfficeLedgerStore(path: string): OfficeLedgerStore {
  const journal = createJournal<LedgerEntry>(path, ledgerFormat, ledgerEntrySchema);
  let cached: Ledger | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Result<Ledger>> => {
    if (cached !== undefined) return ok(cached);
    const entries = await journal.read();
    if (!entries.ok) return entries;
    cached = ledgerOf(entries.value);
    return ok(cached);
  };

  const serial = <T>(task: () => Promise<Result<T>>): Promise<Result<T>> => {
    const run = queue.then(task);
    // The queue only orders the calls; one that fails must not stop the next.
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    read(look) {
      return serial(async () => {
        const ledger = await load();
        return ledger.ok ? look(ledger.value) : ledger;
      });
    },
    change<T>(change: (draft: LedgerDraft) => Promise<Result<T>>) {
      return serial(async () => {
        const ledger = await load();
        if (!ledger.ok) return ledger;
        const added: LedgerEntry[] = [];
        const draft: LedgerDraft = {
          ledger: ledger.value,
          add(entry) {
            applyEntry(ledger.value, entry);
            added.push(entry);
          },
        };
        let result: Result<T>;
        try {
          result = await change(draft);
        } catch (error) {
          cached = undefined;
          throw error;
        }
        if (!result.ok) {
          if (added.length > 0) cached = undefined;
          return result;
        }
        const written = await journal.append(added);
        if (!written.ok) {
          cached = undefined;
          return written;
        }
        return result;
      });
    },
  };
}

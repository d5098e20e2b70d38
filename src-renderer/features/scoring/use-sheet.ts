import { useCallback, useEffect, useRef, useState } from 'react';
import { useFlushOnHide } from '../../components/use-flush-on-hide';
import { useServices } from '../../components/services';
import type { SaveState } from '../../components/save-indicator';
import type { ItemRow } from '../../data/row-schemas';
import { emptyItem, loadSheetItems, saveItemChange, type ItemChange } from '../../data/sheet-repository';

/** Typing is written this long after the last keystroke (and at once on blur, leaving or hiding the page). */
export const typingDebounceMs = 400;

export type { SaveState };

export interface SheetState {
  readonly loaded: boolean;
  readonly quarantined: number;
  readonly items: ReadonlyMap<string, ItemRow>;
  readonly save: SaveState;
  /** Applies a change on screen at once and writes it; `typing` changes are debounced. */
  readonly change: (itemId: string, change: ItemChange, options?: { typing?: boolean }) => void;
  readonly flush: () => void;
  readonly retry: () => void;
}

const keyOf = (itemId: string, field: ItemChange['field']): string => `${itemId}\u0000${field}`;

/**
 * The sheet's working state. The screen is the source of what the expert sees; the database is
 * written after every change, and "saved" is shown only once the transaction has committed.
 * A failed write keeps the edit on screen and can be retried.
 */
export function useSheet(sheetId: string | undefined): SheetState {
  const { db, now } = useServices();
  const [items, setItems] = useState<ReadonlyMap<string, ItemRow>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [quarantined, setQuarantined] = useState(0);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const pending = useRef(
    new Map<string, { itemId: string; change: ItemChange; timer: ReturnType<typeof setTimeout> | undefined }>(),
  );
  const inFlight = useRef(0);
  const failed = useRef(new Map<string, { itemId: string; change: ItemChange }>());

  useEffect(() => {
    if (sheetId === undefined) return;
    let live = true;
    setLoaded(false);
    void loadSheetItems(db, sheetId, now).then((result) => {
      if (!live) return;
      setItems(result.items);
      setQuarantined(result.quarantined);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [db, now, sheetId]);

  const write = useCallback(
    async (itemId: string, change: ItemChange): Promise<void> => {
      if (sheetId === undefined) return;
      inFlight.current += 1;
      setSave({ status: 'saving' });
      const started = performance.now();
      const result = await saveItemChange(db, { sheetId, itemId }, change, now);
      performance.measure('scorebook:write', { start: started, end: performance.now() });
      inFlight.current -= 1;
      const key = keyOf(itemId, change.field);
      if (result.ok) {
        failed.current.delete(key);
        const settled = inFlight.current === 0 && pending.current.size === 0 && failed.current.size === 0;
        if (settled) setSave({ status: 'saved', at: result.value.savedAt });
      } else {
        failed.current.set(key, { itemId, change });
        setSave({ status: 'error', error: result.error });
      }
    },
    [db, now, sheetId],
  );

  const flush = useCallback(() => {
    for (const [key, entry] of pending.current) {
      clearTimeout(entry.timer);
      pending.current.delete(key);
      void write(entry.itemId, entry.change);
    }
  }, [write]);

  const change = useCallback(
    (itemId: string, itemChange: ItemChange, options?: { typing?: boolean }) => {
      if (sheetId === undefined) return;
      setItems((current) => {
        const next = new Map(current);
        const row = current.get(itemId) ?? emptyItem(sheetId, itemId, now().toISOString());
        next.set(itemId, { ...row, [itemChange.field]: itemChange.value } as ItemRow);
        return next;
      });
      const key = keyOf(itemId, itemChange.field);
      const waiting = pending.current.get(key);
      if (waiting !== undefined) clearTimeout(waiting.timer);
      if (options?.typing === true) {
        setSave({ status: 'saving' });
        const timer = setTimeout(() => {
          pending.current.delete(key);
          void write(itemId, itemChange);
        }, typingDebounceMs);
        pending.current.set(key, { itemId, change: itemChange, timer });
      } else {
        pending.current.delete(key);
        void write(itemId, itemChange);
      }
    },
    [now, sheetId, write],
  );

  const retry = useCallback(() => {
    const again = [...failed.current.values()];
    failed.current.clear();
    for (const entry of again) void write(entry.itemId, entry.change);
  }, [write]);

  useFlushOnHide(flush, { onUnmount: true });

  return { loaded, quarantined, items, save, change, flush, retry };
}

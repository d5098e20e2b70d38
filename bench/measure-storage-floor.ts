import type { Page } from '@playwright/test';

/**
 * Context for (a): the same storage work as one item write (read sheet, read item, put item, put sheet,
 * last audit entry by index, add audit entry — one strict-durability transaction), done with the raw
 * IndexedDB API on a throw-away database of the same shape, with no Dexie, zod or React in between.
 * The gap between this and `scorebook:write` is what the app adds on top of IndexedDB.
 */
export async function measureStorageFloor(page: Page, repetitions: number): Promise<number[]> {
  return page.evaluate(async (repetitions) => {
    const name = 'scorebook-bench-probe';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('sheets', { keyPath: 'id' });
        request.result.createObjectStore('items', { keyPath: ['sheetId', 'itemId'] });
        request.result
          .createObjectStore('audit', { keyPath: 'seq', autoIncrement: true })
          .createIndex('[sheetId+itemId]', ['sheetId', 'itemId']);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('could not open the probe database'));
    });
    const result = <T>(request: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('probe request failed'));
      });
    const samples: number[] = [];
    try {
      for (let i = 0; i < repetitions; i += 1) {
        const started = performance.now();
        const tx = db.transaction(['sheets', 'items', 'audit'], 'readwrite', { durability: 'strict' });
        const committed = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new Error('probe transaction aborted'));
        });
        const key = ['probe', '4.1.2'];
        const sheet: unknown = await result(tx.objectStore('sheets').get('probe'));
        const item: unknown = await result(tx.objectStore('items').get(key));
        const at = new Date().toISOString();
        await result(
          tx
            .objectStore('items')
            .put({ ...(item ?? {}), sheetId: 'probe', itemId: '4.1.2', percent: i % 2 === 0 ? 55 : 60, updatedAt: at }),
        );
        await result(tx.objectStore('sheets').put({ ...(sheet ?? {}), id: 'probe', updatedAt: at }));
        await result(tx.objectStore('audit').index('[sheetId+itemId]').openCursor(IDBKeyRange.only(key), 'prev'));
        await result(tx.objectStore('audit').add({ sheetId: 'probe', itemId: '4.1.2', field: 'percent', at }));
        await committed;
        samples.push(performance.now() - started);
      }
    } finally {
      db.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => resolve();
      });
    }
    return samples;
  }, repetitions);
}

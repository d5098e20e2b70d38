import type { Page } from '@playwright/test';
import { createBenchProfile, declareNoConflictForAll, exportEnrollment, importAndPledge } from './gates';
import { benchAssignmentPackage } from './office-assignment';
import type { SeedData } from './seed-rows';

/** Row counts read back from IndexedDB after seeding, to check nothing was dropped or quarantined. */
export interface StoredCounts {
  readonly applicants: number;
  readonly sheets: number;
  readonly items: number;
  readonly quarantine: number;
}

/**
 * Passes the app's gates as an expert would — profile, enrollment, an office-signed assignment of all
 * the applicants, the pledge, a "no conflict" declaration per applicant — then adds the sheet and item
 * rows with the raw IndexedDB API in one transaction. The import stored the applicant rows. No version
 * is passed to `indexedDB.open`: Dexie created the database (its IndexedDB version is 10× the schema
 * version) and owns upgrades.
 */
export async function seedDatabase(page: Page, url: string, data: SeedData): Promise<void> {
  await createBenchProfile(page, url);
  const expert = await exportEnrollment(page);
  await importAndPledge(page, await benchAssignmentPackage(expert, data));
  await declareNoConflictForAll(page, data.assignmentId, data.applicantIds);
  await page.evaluate(
    async (seed) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('scorebook');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['sheets', 'items'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('seeding transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
          for (const row of seed.sheets) tx.objectStore('sheets').put(row);
          for (const row of seed.items) tx.objectStore('items').put(row);
        });
      } finally {
        db.close();
      }
    },
    { sheets: data.sheets, items: data.items },
  );
}

/** Counts the rows of the tables the benchmark filled, and the quarantine (which must stay empty). */
export async function storedCounts(page: Page): Promise<StoredCounts> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('scorebook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      const tx = db.transaction(['applicants', 'sheets', 'items', 'quarantine'], 'readonly');
      const count = (name: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const request = tx.objectStore(name).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error(`count ${name} failed`));
        });
      const [applicants, sheets, items, quarantine] = await Promise.all(
        ['applicants', 'sheets', 'items', 'quarantine'].map(count),
      );
      return { applicants: applicants ?? 0, sheets: sheets ?? 0, items: items ?? 0, quarantine: quarantine ?? 0 };
    } finally {
      db.close();
    }
  });
}

/** Reloads the applicant list and waits until all `count` rows are on screen with their progress. */
export async function checkApplicantList(page: Page, origin: string, data: SeedData): Promise<number> {
  await page.goto(`${origin}/#/assignments/${encodeURIComponent(data.assignmentId)}`);
  await page.reload();
  const last = data.applicantIds[data.applicantIds.length - 1] ?? '';
  await page
    .getByTestId(`total-${last}`)
    .filter({ hasText: data.totalText.get(last) ?? '' })
    .waitFor();
  return page.locator('table.applicant-table tbody tr').count();
}

import { useEffect, useState } from 'react';

export interface StorageHealth {
  readonly persisted: boolean | undefined;
  /** Percent of the quota in use, when the browser tells. */
  readonly usedPercent: number | undefined;
}

/** Threshold from docs/security: warn when storage use passes 80 % of the quota. */
export const storageWarnPercent = 80;

/** Asks once for persistent storage (so the browser does not evict our data) and reads the estimate. */
export function useStorageHealth(storage: StorageManager | undefined): StorageHealth {
  const [health, setHealth] = useState<StorageHealth>({ persisted: undefined, usedPercent: undefined });
  useEffect(() => {
    if (storage === undefined) return;
    let live = true;
    void (async () => {
      const persisted = (await storage.persisted?.()) === true ? true : await storage.persist?.().catch(() => false);
      const estimate = await storage.estimate?.().catch(() => undefined);
      const usedPercent =
        estimate?.usage !== undefined && estimate.quota !== undefined && estimate.quota > 0
          ? Math.round((estimate.usage / estimate.quota) * 100)
          : undefined;
      if (live) setHealth({ persisted: persisted === true, usedPercent });
    })();
    return () => {
      live = false;
    };
  }, [storage]);
  return health;
}

import { describe, expect, it } from 'vitest';
import { createSharedLoads, type SharedLoad } from '../../../src-renderer/components/shared-loads';
import { ok, type Result } from '../../../src-shared/contract/result';

/** A load the test answers by hand, counting how often it was started. */
function manualLoad(key: string) {
  const pending: ((result: Result<string>) => void)[] = [];
  const load: SharedLoad<string> = {
    key,
    load: () => new Promise<Result<string>>((resolve) => pending.push(resolve)),
  };
  const answer = async (index: number, value: string): Promise<void> => {
    const resolve = pending[index];
    if (resolve === undefined) throw new Error(`load ${index} was never started`);
    resolve(ok(value));
    // The store hears the answer in a then-callback: let it run.
    await Promise.resolve();
    await Promise.resolve();
  };
  return { load, answer, started: () => pending.length };
}

describe('createSharedLoads', () => {
  it('starts one load for every holder of a key and gives them one answer', async () => {
    const loads = createSharedLoads();
    const status = manualLoad('status');
    expect(loads.read(status.load)).toEqual({ status: 'loading' });
    const heard: string[] = [];
    loads.hold(status.load, () => heard.push('gate'));
    loads.hold(status.load, () => heard.push('page'));
    expect(status.started()).toBe(1);
    await status.answer(0, 'pledged');
    expect(heard).toEqual(['gate', 'page']);
    expect(loads.read(status.load)).toEqual({ status: 'ready', value: 'pledged' });
    // The same object on every read, so React sees no change between renders.
    expect(loads.read(status.load)).toBe(loads.read(status.load));
  });

  it('keeps a prefetched answer for the page that holds the key later', async () => {
    const loads = createSharedLoads();
    const status = manualLoad('status');
    const releasePrefetch = loads.hold(status.load);
    await status.answer(0, 'pledged');
    const releasePage = loads.hold(status.load, () => undefined);
    releasePrefetch();
    expect(status.started()).toBe(1);
    expect(loads.read(status.load)).toEqual({ status: 'ready', value: 'pledged' });
    releasePage();
  });

  it('forgets an answer when the last holder lets go, so the next page reads afresh', async () => {
    const loads = createSharedLoads();
    const status = manualLoad('status');
    const release = loads.hold(status.load);
    await status.answer(0, 'old');
    release();
    // Letting go twice is harmless: it must not count down a later holder.
    release();
    expect(loads.read(status.load)).toEqual({ status: 'loading' });
    loads.hold(status.load);
    expect(status.started()).toBe(2);
    await status.answer(1, 'new');
    expect(loads.read(status.load)).toEqual({ status: 'ready', value: 'new' });
  });

  it('drops an answer that arrives after everything let go (an identity found locked)', async () => {
    const loads = createSharedLoads();
    const status = manualLoad('status');
    let heard = 0;
    const release = loads.hold(status.load, () => (heard += 1));
    release();
    await status.answer(0, 'late');
    expect(heard).toBe(0);
    expect(loads.read(status.load)).toEqual({ status: 'loading' });
  });

  it('reloads for every holder after signing and ignores the answer of the earlier read', async () => {
    const loads = createSharedLoads();
    const status = manualLoad('status');
    const heard: string[] = [];
    loads.hold(status.load, () => heard.push(loads.read(status.load).status));
    loads.reload('status');
    expect(status.started()).toBe(2);
    expect(heard).toEqual(['loading']);
    await status.answer(1, 'declared');
    await status.answer(0, 'stale');
    expect(loads.read(status.load)).toEqual({ status: 'ready', value: 'declared' });
    expect(heard).toEqual(['loading', 'ready']);
    // Reloading a key nobody holds does nothing.
    loads.reload('nobody');
    expect(status.started()).toBe(2);
  });

  it('turns a load that throws into an error state', async () => {
    const loads = createSharedLoads();
    const broken: SharedLoad<string> = { key: 'broken', load: () => Promise.reject(new Error('disk gone')) };
    loads.hold(broken);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads.read(broken)).toEqual({
      status: 'error',
      error: { code: 'E_INTERNAL', message: 'disk gone', params: { detail: 'disk gone' } },
    });
  });
});

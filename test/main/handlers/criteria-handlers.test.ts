import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { createDispatch } from '../../../src-main/handlers/dispatch';
import type { Handlers } from '../../../src-main/handlers/handler-types';
import { channels } from '../../../src-shared/contract/channels';
import type { Result } from '../../../src-shared/contract/result';
import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import {
  createTempResources,
  miniCriteriaPath,
  shippedCriteriaPath,
  shippedResourcesDir,
  type TempResources,
} from './temp-resources';

function handlersFor(resourcesDir: string, transport: 'electron' | 'web' = 'web'): Handlers {
  return createHandlers({
    resourcesDir,
    dataDir: '/data/web-5319',
    transport,
    appVersion: '0.1.0-test',
    now: () => 0,
    random: (bytes) => bytes,
  });
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const shippedText = await readFile(shippedCriteriaPath, 'utf8');
const miniText = await readFile(miniCriteriaPath, 'utf8');

/** The shipped criteria under another id, with one mistake: category 4.1's items no longer add up. */
function badSums(): string {
  const criteria = JSON.parse(shippedText) as Criteria;
  const first = criteria.categories[0];
  if (first === undefined) throw new Error('test setup: the shipped criteria have no category');
  first.points += 1;
  criteria.totalPoints += 1;
  return JSON.stringify({ ...criteria, id: 'broken-sums' });
}

describe('handlers over the shipped resources folder', () => {
  const handlers = handlersFor(shippedResourcesDir);

  it.each(['web', 'electron'] as const)(
    'app:info answers the %s transport, the version and the data dir',
    async (t) => {
      const info = valueOf(await handlersFor(shippedResourcesDir, t)['app:info']({}));
      expect(info).toEqual({ name: 'Scorebook', version: '0.1.0-test', transport: t, dataDir: '/data/web-5319' });
    },
  );

  it('criteria:list lists GB/T 19580-2012 with its bilingual name', async () => {
    const list = valueOf(await handlers['criteria:list']({}));
    expect(list).toContainEqual({
      id: 'gbt19580-2012',
      version: '2012',
      standard: 'GB/T 19580-2012',
      name: { 'zh-CN': '卓越绩效评价准则', en: 'Criteria for Performance Excellence' },
    });
  });

  it('criteria:get returns GB/T 19580-2012 with its 7 categories, 23 items and 1000 points', async () => {
    const criteria = valueOf(await handlers['criteria:get']({ id: 'gbt19580-2012' }));
    expect(criteria.id).toBe('gbt19580-2012');
    expect(criteria.categories.map((c) => c.id)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(allItems(criteria)).toHaveLength(23);
    expect(criteria.totalPoints).toBe(1000);
  });

  it.each(['gbt19580-2030', 'gbt19580-2012.json', 'GBT19580-2012', 'mini-100'])(
    'criteria:get of an unknown id (%s) answers E_CRITERIA_NOT_FOUND naming the id',
    async (id) => {
      const error = errorOf(await handlers['criteria:get']({ id }));
      expect(error.code).toBe('E_CRITERIA_NOT_FOUND');
      expect(error.params).toEqual({ id });
    },
  );

  // The identity channels need a data folder of their own; identity-handlers.test.ts drives them through dispatch.
  it('answers every resource channel within the contract when bound through dispatch', async () => {
    const dispatch = createDispatch(handlers);
    const resourceChannels = channels.filter(
      (channel) =>
        !/^(identity|settings|enrollment|assignments|office|packages|receipts|dialog|files|materials|evidence):/.test(
          channel,
        ) && channel !== 'demo:assignment',
    );
    expect(resourceChannels).toEqual(['app:info', 'criteria:list', 'criteria:get', 'demo:get']);
    for (const channel of resourceChannels) {
      const input = channel === 'criteria:get' ? { id: 'gbt19580-2012' } : {};
      expect(await dispatch(channel, input)).toMatchObject({ ok: true });
    }
  });
});

describe('handlers over a resources folder with several criteria files', () => {
  let resources: TempResources;

  beforeEach(async () => {
    resources = await createTempResources();
    await resources.write('criteria/gbt19580-2012.json', shippedText);
    await resources.write('criteria/mini-100.json', miniText);
  });

  afterEach(async () => {
    await resources.remove();
  });

  it('lists both files by the id inside them, a second criteria file loading without code changes', async () => {
    const list = valueOf(await handlersFor(resources.dir)['criteria:list']({}));
    expect(list.map((c) => c.id)).toEqual(['gbt19580-2012', 'mini-100']);
  });

  it('gets each of them by id', async () => {
    const handlers = handlersFor(resources.dir);
    const mini = valueOf(await handlers['criteria:get']({ id: 'mini-100' }));
    expect(mini.totalPoints).toBe(100);
    expect(allItems(mini).map((item) => item.id)).toEqual(['1.1', '1.2', '2.1']);
    expect(allItems(valueOf(await handlers['criteria:get']({ id: 'gbt19580-2012' })))).toHaveLength(23);
  });

  it('finds a file by the id inside it, whatever the file is called', async () => {
    await resources.write('criteria/provincial-variant.json', JSON.stringify({ ...JSON.parse(miniText), id: 'zj-1' }));
    const zj = valueOf(await handlersFor(resources.dir)['criteria:get']({ id: 'zj-1' }));
    expect(zj.standard).toBe('Fictional test criteria (not a real standard)');
  });

  it('ignores files that are not .json', async () => {
    await resources.write('criteria/README.txt', 'not criteria');
    await resources.write('criteria/mini-100.json.bak', miniText);
    const list = valueOf(await handlersFor(resources.dir)['criteria:list']({}));
    expect(list.map((c) => c.id)).toEqual(['gbt19580-2012', 'mini-100']);
  });

  it('reads a file saved with a byte order mark (as Windows Notepad does)', async () => {
    await resources.write('criteria/mini-100.json', `\uFEFF${miniText}`);
    expect(valueOf(await handlersFor(resources.dir)['criteria:get']({ id: 'mini-100' })).id).toBe('mini-100');
  });
});

describe('handlers over a resources folder with a broken criteria file', () => {
  let resources: TempResources;

  beforeEach(async () => {
    resources = await createTempResources();
    await resources.write('criteria/gbt19580-2012.json', shippedText);
    await resources.write('criteria/broken-sums.json', badSums());
  });

  afterEach(async () => {
    await resources.remove();
  });

  it('criteria:get of the broken file’s id answers E_CRITERIA_INVALID naming the file and the problem', async () => {
    const error = errorOf(await handlersFor(resources.dir)['criteria:get']({ id: 'broken-sums' }));
    expect(error.code).toBe('E_CRITERIA_INVALID');
    expect(error.params?.file).toBe('broken-sums.json');
    expect(error.params?.problem).toEqual(expect.stringContaining('4.1'));
    expect(error.params?.problemEn).toEqual(expect.stringContaining('4.1'));
    expect(error.params?.problemEn).toEqual(expect.stringContaining('add up to'));
    expect(error.message).toContain('broken-sums.json');
  });

  it('still loads and lists the valid file beside it', async () => {
    const handlers = handlersFor(resources.dir);
    expect(valueOf(await handlers['criteria:get']({ id: 'gbt19580-2012' })).id).toBe('gbt19580-2012');
    expect(valueOf(await handlers['criteria:list']({})).map((c) => c.id)).toEqual(['gbt19580-2012']);
  });

  it('answers E_CRITERIA_INVALID for a file that is not even JSON, and lists the valid one', async () => {
    await resources.write('criteria/a-truncated.json', shippedText.slice(0, 200));
    const handlers = handlersFor(resources.dir);
    const error = errorOf(await handlers['criteria:get']({ id: 'a-truncated' }));
    expect(error.code).toBe('E_CRITERIA_INVALID');
    expect(error.params?.file).toBe('a-truncated.json');
    expect(error.params?.problemEn).toEqual(expect.stringContaining('JSON'));
    expect(valueOf(await handlers['criteria:list']({})).map((c) => c.id)).toEqual(['gbt19580-2012']);
  });
});

describe('handlers over a resources folder without criteria', () => {
  let resources: TempResources;

  beforeEach(async () => {
    resources = await createTempResources();
  });

  afterEach(async () => {
    await resources.remove();
  });

  it('criteria:list of a missing criteria folder answers E_RESOURCE_READ naming the folder', async () => {
    const error = errorOf(await handlersFor(resources.dir)['criteria:list']({}));
    expect(error.code).toBe('E_RESOURCE_READ');
    expect(error.params).toEqual({ file: 'criteria' });
  });

  it('criteria:list of an empty criteria folder answers an empty list', async () => {
    await resources.write('criteria/.keep', '');
    expect(valueOf(await handlersFor(resources.dir)['criteria:list']({}))).toEqual([]);
  });

  it('criteria:get in an empty criteria folder answers E_CRITERIA_NOT_FOUND', async () => {
    await resources.write('criteria/.keep', '');
    const error = errorOf(await handlersFor(resources.dir)['criteria:get']({ id: 'gbt19580-2012' }));
    expect(error.code).toBe('E_CRITERIA_NOT_FOUND');
  });
});

import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import type { Handlers } from '../../../src-main/handlers/handler-types';
import type { Result } from '../../../src-shared/contract/result';
import { createTempResources, shippedDemoPath, shippedResourcesDir, type TempResources } from './temp-resources';

function handlersFor(resourcesDir: string): Handlers {
  return createHandlers({
    resourcesDir,
    dataDir: '/data',
    transport: 'electron',
    appVersion: '0.1.0',
    now: () => 0,
    random: (bytes) => bytes,
  });
}

function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

const demoText = await readFile(shippedDemoPath, 'utf8');

describe('demo:get over the shipped resources folder', () => {
  it('returns the embedded demo bundle, marked as demo data', async () => {
    const result = await handlersFor(shippedResourcesDir)['demo:get']({});
    if (!result.ok) throw new Error(`the shipped demo does not load: ${result.error.message}`);
    expect(result.value.format).toBe('scorebook.assignment-bundle/1');
    expect(result.value.cycle.demo).toBe(true);
    expect(result.value.applicants.length).toBeGreaterThan(0);
  });
});

describe('demo:get over a resources folder with a broken or missing demo file', () => {
  let resources: TempResources;

  beforeEach(async () => {
    resources = await createTempResources();
  });

  afterEach(async () => {
    await resources.remove();
  });

  it('answers E_DEMO_INVALID with the parser’s detail when the file is not JSON', async () => {
    await resources.write('demo/demo-cycle.json', demoText.slice(0, 100));
    const error = errorOf(await handlersFor(resources.dir)['demo:get']({}));
    expect(error.code).toBe('E_DEMO_INVALID');
    expect(error.params?.detail).toEqual(expect.stringMatching(/\S/));
  });

  it('answers E_DEMO_INVALID when the file is JSON of the wrong shape', async () => {
    await resources.write('demo/demo-cycle.json', JSON.stringify({ format: 'scorebook.assignment-bundle/0' }));
    const error = errorOf(await handlersFor(resources.dir)['demo:get']({}));
    expect(error.code).toBe('E_DEMO_INVALID');
    expect(error.params?.detail).toEqual(expect.stringContaining('format'));
  });

  it('answers E_DEMO_INVALID when the cycle is not marked as demo data', async () => {
    const bundle = JSON.parse(demoText) as { cycle: { demo: boolean } };
    bundle.cycle.demo = false;
    await resources.write('demo/demo-cycle.json', JSON.stringify(bundle));
    const error = errorOf(await handlersFor(resources.dir)['demo:get']({}));
    expect(error.code).toBe('E_DEMO_INVALID');
    expect(error.params?.detail).toEqual(expect.stringContaining('demo: true'));
  });

  it('answers E_RESOURCE_READ naming the file when the demo file is missing', async () => {
    const error = errorOf(await handlersFor(resources.dir)['demo:get']({}));
    expect(error.code).toBe('E_RESOURCE_READ');
    expect(error.params).toEqual({ file: 'demo/demo-cycle.json' });
  });

  it('loads a valid copy of the shipped demo from another folder', async () => {
    await resources.write('demo/demo-cycle.json', demoText);
    expect(await handlersFor(resources.dir)['demo:get']({})).toMatchObject({ ok: true });
  });
});

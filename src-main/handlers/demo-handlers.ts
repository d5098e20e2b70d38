import { fail } from '../../src-shared/contract/result';
import { parseDemoBundle } from '../../src-shared/demo/validate-demo';
import type { ResourceFiles } from '../services/resource-files';
import type { Handlers } from './handler-types';

const demoFile = 'demo/demo-cycle.json';

export function createDemoHandlers(files: ResourceFiles): Pick<Handlers, 'demo:get'> {
  return {
    async 'demo:get'() {
      const text = await files.readText(demoFile);
      if (!text.ok) return text;
      let raw: unknown;
      try {
        raw = JSON.parse(text.value);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return fail('E_DEMO_INVALID', `demo JSON: ${detail}`, { detail });
      }
      return parseDemoBundle(raw);
    },
  };
}

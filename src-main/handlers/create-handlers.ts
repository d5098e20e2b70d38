import { ok } from '../../src-shared/contract/result';
import { createResourceFiles } from '../services/resource-files';
import { createCriteriaHandlers } from './criteria-handlers';
import { createDemoHandlers } from './demo-handlers';
import type { Handlers } from './handler-types';

export interface HandlerDeps {
  /** Folder holding criteria/, demo/ and fonts/ (shipped with the app). */
  readonly resourcesDir: string;
  /** Folder where main keeps this installation's files. */
  readonly dataDir: string;
  readonly transport: 'electron' | 'web';
  readonly appVersion: string;
}

/** Builds every contract handler from its services; both transports call this once at start. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const files = createResourceFiles(deps.resourcesDir);
  return {
    async 'app:info'() {
      return ok({ name: 'Scorebook', version: deps.appVersion, transport: deps.transport, dataDir: deps.dataDir });
    },
    ...createCriteriaHandlers(files),
    ...createDemoHandlers(files),
  };
}

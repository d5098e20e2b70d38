import { randomFillSync } from 'node:crypto';

/**
 * Fills `bytes` from the operating system's CSPRNG and returns them: the production `HandlerDeps.random`. Node's
 * randomFillSync takes any Uint8Array, where the DOM typing of crypto.getRandomValues wants an ArrayBuffer-backed one.
 */
export function secureRandom(bytes: Uint8Array): Uint8Array {
  return randomFillSync(bytes);
}

import { contract, isChannel } from '../../src-shared/contract/channels';
import { fail, type Result } from '../../src-shared/contract/result';
import type { Handlers } from './handler-types';

/** A function both transports call: channel name and untrusted input in, a Result out. */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates the request against the contract, runs the handler and validates its response.
 * Anything a handler throws becomes `E_INTERNAL`, so nothing throws across the contract.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return fail('E_UNKNOWN_CHANNEL', `unknown channel ${channel}`, { channel });
    }
    const spec = contract[channel];
    const request = spec.request.safeParse(input);
    if (!request.success) {
      const detail = describeIssues(request.error.issues);
      return fail('E_BAD_REQUEST', `bad request for ${channel}: ${detail}`, { detail });
    }
    let result: Result<unknown>;
    try {
      // The handler table is keyed by the same channel union, so the request type matches.
      const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>;
      result = await handler(request.data);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return fail('E_INTERNAL', `handler ${channel} threw: ${detail}`, { detail });
    }
    // Handlers are typed to return a Result; one that escapes its types must still not crash the transport.
    if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
      return fail('E_BAD_RESPONSE', `handler ${channel} returned no result`, { channel });
    }
    if (!result.ok) return result;
    const response = spec.response.safeParse(result.value);
    if (!response.success) {
      return fail('E_BAD_RESPONSE', `bad response from ${channel}: ${describeIssues(response.error.issues)}`, {
        channel,
      });
    }
    return { ok: true, value: response.data };
  };
}

import { z } from 'zod';
import { contract, type Channel, type ChannelRequest, type ChannelResponse } from '../../src-shared/contract/channels';
import { errorCodes } from '../../src-shared/contract/error-codes';
import { fail, type Result } from '../../src-shared/contract/result';

/** Moves one request to main and brings back whatever main answered, unparsed. */
export type Transport = (channel: Channel, request: unknown) => Promise<unknown>;

export interface ContractClient {
  call<C extends Channel>(channel: C, request: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>>;
}

const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * The renderer's only way to main. Answers are parsed against the contract here, so a
 * transport fault or an unexpected shape becomes an error value, never an exception.
 */
export function createContractClient(transport: Transport): ContractClient {
  return {
    async call(channel, request) {
      let raw: unknown;
      try {
        raw = await transport(channel, request);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return fail('E_TRANSPORT', `transport failed: ${detail}`, { detail });
      }
      const envelope = z.object({ ok: z.boolean() }).passthrough().safeParse(raw);
      if (!envelope.success) return fail('E_BAD_RESPONSE', `malformed answer on ${channel}`, { channel });
      if (!envelope.data.ok) {
        const error = errorSchema.safeParse((raw as { error?: unknown }).error);
        return error.success
          ? { ok: false, error: error.data }
          : fail('E_BAD_RESPONSE', `malformed error on ${channel}`, { channel });
      }
      const value = contract[channel].response.safeParse((raw as { value?: unknown }).value);
      if (!value.success) return fail('E_BAD_RESPONSE', `unexpected value on ${channel}`, { channel });
      return { ok: true, value: value.data as ChannelResponse<typeof channel> };
    },
  };
}

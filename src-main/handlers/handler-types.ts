import type { Channel, ChannelRequest, ChannelResponse } from '../../src-shared/contract/channels';
import type { Result } from '../../src-shared/contract/result';

/** One async function per contract channel; each returns a Result and never throws by design. */
export type Handlers = {
  readonly [C in Channel]: (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>;
};

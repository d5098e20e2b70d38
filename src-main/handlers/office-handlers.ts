import { fail } from '../../src-shared/contract/result';
import type { Handlers } from './handler-types';

type OfficeChannel = Extract<keyof Handlers, `office:${string}`>;

/** TEMPORARY scaffold while the office handlers are built (issue 4); replaced in this session. */
export function createOfficeHandlers(): Pick<
  Handlers,
  Exclude<OfficeChannel, 'office:pin' | 'office:sign-record' | 'office:xlsx-read' | 'office:xlsx-write'>
> {
  const no = async () => fail('E_NOT_AVAILABLE', 'office handlers not built yet', { feature: 'office' });
  return {
    'office:experts-list': no,
    'office:experts-import': no,
    'office:expert-confirm': no,
    'office:expert-update': no,
    'office:expert-revoke': no,
    'office:assignment-issue': no,
    'office:assignments-list': no,
    'office:inbox-import': no,
    'office:inbox-list': no,
    'office:receipts-export': no,
  };
}

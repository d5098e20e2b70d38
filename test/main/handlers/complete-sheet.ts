import type { ChannelRequest } from '../../../src-shared/contract/channels';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { shippedCriteria } from '../../support/shipped-criteria';

export type SheetItems = ChannelRequest<'packages:sign-sheet'>['items'];

/**
 * A sheet the demo cycle's rules (strength with evidence from 70 %, an opportunity up to 25 %) accept: every item of
 * the shipped criteria scored in 5 % steps from 0 to 100, each with a strength citing a page, an opportunity where the
 * score is 25 % or less.
 */
export function completeSheetItems(): SheetItems {
  return allItems(shippedCriteria()).map((item, i) => {
    const percent = (i * 5) % 105;
    return {
      itemId: item.id,
      percent,
      strengths: [{ text: `优势 ${item.id}`, page: i + 1, ref: '' }],
      ofis: percent <= 25 ? [{ text: `改进 ${item.id}`, page: null, ref: '访谈记录' }] : [],
    };
  });
}

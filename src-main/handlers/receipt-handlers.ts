import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { RejectedReceipt, VerifiedReceiptSummary } from '../../src-shared/contract/receipt-schemas';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { readReceiptsFile } from '../../src-shared/packages/receipts-file';
import { verifyReceipt, type PinnedOfficeKey } from '../../src-shared/packages/verify-receipt';
import type { ArchiveFolder } from '../services/archive-folder';
import type { KeyStore } from '../services/key-store';
import type { OfficePinStore } from '../services/office-pin';
import type { Handlers } from './handler-types';
import { unlockedKey } from './unlocked-key';

export interface ReceiptDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly pins: OfficePinStore;
  /** `<dataDir>/receipts/`: every receipt that verified, kept as received (`<receiptId>.qapkg`). */
  readonly receipts: ArchiveFolder;
}

/**
 * The office's receipts (docs/package-format.md §3.9, §3.10). Each receipt in the file is verified on its own with
 * the pinned office key; the ones that verify are archived and returned for the outbox to match against what it
 * sent (receiptFor and payloadSha256), the others are listed with their code. One bad receipt does not hide the
 * good ones. Nothing is written for a file that is not a receipts file, or when no office key is pinned.
 */
export function createReceiptHandlers(deps: ReceiptDeps): Pick<Handlers, 'receipts:import'> {
  const pinnedKey = async (): Promise<Result<PinnedOfficeKey>> => {
    const state = await deps.pins.read();
    if (!state.ok) return state;
    const current = state.value.current;
    if (current === null) return fail('E_NO_OFFICE_PIN', 'no office key pinned');
    const publicKeyRaw = decodeBase64Strict(current.signingPublicKey);
    if (publicKeyRaw === undefined) return fail('E_INTERNAL', 'pinned key is not base64', { detail: 'office pin' });
    return ok({ publicKeyRaw, fingerprint: current.fingerprint });
  };

  return {
    async 'receipts:import'({ base64 }) {
      const unlocked = await unlockedKey(deps.keys, deps.keyFilePath);
      if (!unlocked.ok) return unlocked;
      const file = decodeBase64Strict(base64);
      if (file === undefined) {
        return fail('E_BAD_REQUEST', 'base64: not canonical base64', { detail: 'base64: not canonical base64' });
      }
      const files = readReceiptsFile(file);
      if (!files.ok) return files;
      const office = await pinnedKey();
      if (!office.ok) return office;
      const receipts: VerifiedReceiptSummary[] = [];
      const rejected: RejectedReceipt[] = [];
      for (const [index, receiptFile] of files.value.entries()) {
        const verified = await verifyReceipt(receiptFile, office.value);
        if (!verified.ok) {
          rejected.push({ index, code: verified.error.code, params: { ...verified.error.params } });
          continue;
        }
        const kept = await deps.receipts.writeOnce(`${verified.value.receiptId}.qapkg`, receiptFile);
        // The name is the receipt's signed packageId: an existing file is this receipt imported before.
        if (!kept.ok && kept.error.params?.reason !== 'exists') return kept;
        const { receiptFor, payloadSha256, status, acceptedSeq, receivedAt } = verified.value.payload;
        receipts.push({
          receiptId: verified.value.receiptId,
          receiptFor,
          payloadSha256,
          status,
          acceptedSeq,
          receivedAt,
        });
      }
      return ok({ receipts, rejected });
    },
  };
}

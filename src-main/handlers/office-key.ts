import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { KeyStatus, KeyStore } from '../services/key-store';
import { unlockedKey } from './unlocked-key';

/** The unlocked office key, with its fingerprint and public key present. */
export interface OfficeKey {
  readonly status: KeyStatus;
  readonly fingerprint: string;
  readonly signingPublicKey: Uint8Array<ArrayBuffer>;
}

/**
 * The key every office channel needs: E_NO_PROFILE / E_KEY_FILE_CORRUPT / E_LOCKED as for any signing channel, and
 * E_NOT_OFFICE on an expert's installation — an installation has one role, so an expert's keys never sign for the
 * office.
 */
export async function unlockedOfficeKey(keys: KeyStore, keyFilePath: string): Promise<Result<OfficeKey>> {
  const key = await unlockedKey(keys, keyFilePath);
  if (!key.ok) return key;
  if (key.value.role !== 'office') return fail('E_NOT_OFFICE', 'not an office installation');
  const { fingerprint, signingPublicKey } = key.value;
  if (fingerprint === undefined || signingPublicKey === undefined) {
    return fail('E_INTERNAL', 'unlocked key without public key', { detail: 'office key' });
  }
  return ok({ status: key.value, fingerprint, signingPublicKey });
}

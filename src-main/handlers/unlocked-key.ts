import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { KeyStatus, KeyStore } from '../services/key-store';

/**
 * The key store's status when its keys are unlocked, or the refusal every signing or opening handler gives
 * otherwise: E_NO_PROFILE (no key file), E_KEY_FILE_CORRUPT naming the file, E_LOCKED.
 */
export async function unlockedKey(keys: KeyStore, keyFilePath: string): Promise<Result<KeyStatus>> {
  const key = await keys.status();
  if (key.state === 'none') return fail('E_NO_PROFILE', 'no key file');
  if (key.state === 'corrupt') {
    return fail('E_KEY_FILE_CORRUPT', `key file ${keyFilePath} unreadable`, { file: keyFilePath });
  }
  if (key.state === 'locked') return fail('E_LOCKED', 'locked');
  return ok(key);
}

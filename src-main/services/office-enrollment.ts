import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { ED25519_PUBLIC_KEY_BYTES, type Ed25519Verifier } from '../../src-shared/packages/ed25519';
import { openPackage, type RegisteredKey } from '../../src-shared/packages/open-package';
import { enrollmentPayloadSchema, type EnrollmentPayload } from '../../src-shared/packages/payload-schemas';
import { peekPayload } from '../../src-shared/packages/peek-payload';
import { expertIdOf } from './enrollment-package';

/**
 * Reading an expert's enrollment package at the office (docs/package-format.md §3.4, §7.3). It is self-signed and
 * unsealed: steps 1–7 of openPackage run with the one kind `enrollment` and, as the only registered key, the signing
 * key the payload itself carries. That proves possession of the key and that nothing changed since it was signed —
 * not who the expert is: the record stays `pending` until a person confirms the fingerprint with the expert.
 */

/** An enrollment is about a kilobyte; a few hundred kilobytes is already not one. */
export const maxEnrollmentFileBytes = 256 * 1024;

const carriedSchema = z.object({ issuer: z.string(), signingPublicKey: z.string() });

export interface EnrollmentReader {
  readonly signatureVerifier: Ed25519Verifier;
  readonly sha256Hex: (bytes: Uint8Array) => string;
}

/**
 * The verified enrollment payload, or the first failure of the verification order (E_TOO_LARGE, E_SEAL for a sealed
 * file, E_CONTAINER, E_MALFORMED, E_TYPE for another kind, E_KEY_UNKNOWN when the carried key is not the one that
 * signed, E_SIG, E_NONCANONICAL, E_SCHEMA, E_ISSUER_MISMATCH). The expert id must be the one derived from the key
 * (`expertIdOf`), as the expert app writes it: any other id could shadow another expert's (E_SCHEMA).
 */
export async function openEnrollment(file: Uint8Array, reader: EnrollmentReader): Promise<Result<EnrollmentPayload>> {
  const opened = await openPackage(file, {
    maxFileBytes: maxEnrollmentFileBytes,
    acceptedKinds: ['enrollment'],
    keyFor: (fingerprint) => carriedKey(file, fingerprint, reader),
    signatureVerifier: reader.signatureVerifier,
    sha256Hex: reader.sha256Hex,
  });
  if (!opened.ok) return opened;
  const parsed = enrollmentPayloadSchema.safeParse(opened.value.payload);
  if (!parsed.success) return fail('E_INTERNAL', 'opened enrollment does not parse again', { detail: 'schema' });
  const payload = parsed.data;
  if (payload.issuer !== expertIdOf(payload.keyId)) {
    const detail = `issuer: ${payload.issuer.slice(0, 64)} is not ${expertIdOf(payload.keyId)}`;
    return fail('E_SCHEMA', `enrollment ${detail}`, { detail });
  }
  return ok(payload);
}

/**
 * The key the enrollment carries, when its fingerprint is the envelope's `keyid`. Read before the signature is
 * checked, with the same strict reading openPackage applies (peekPayload); openPackage then verifies the same bytes
 * with this key, so a payload whose key did not sign it fails at step 5 and one naming another issuer at step 7.
 */
function carriedKey(file: Uint8Array, fingerprint: string, reader: EnrollmentReader): RegisteredKey | undefined {
  const carried = carriedSchema.safeParse(peekPayload(file));
  if (!carried.success) return undefined;
  const publicKeyRaw = decodeBase64Strict(carried.data.signingPublicKey);
  if (publicKeyRaw?.length !== ED25519_PUBLIC_KEY_BYTES) return undefined;
  if (reader.sha256Hex(publicKeyRaw) !== fingerprint) return undefined;
  return { publicKeyRaw, owner: carried.data.issuer, revoked: false };
}

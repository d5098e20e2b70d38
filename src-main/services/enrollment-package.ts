import { fail, ok, type Result } from '../../src-shared/contract/result';
import { encodeBase64 } from '../../src-shared/packages/base64';
import { buildPackage } from '../../src-shared/packages/build-package';
import {
  enrollmentPayloadSchema,
  type EnrollmentPayload,
  type ExpertProfile,
} from '../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../src-shared/packages/uuid-v7';

/**
 * The expert's enrollment package (package-format.md, "Keys"): profile and both public keys, signed by the key it
 * carries. Self-signed only proves possession of the key; the office trusts it once the fingerprint is confirmed
 * out of band. It is NOT sealed: the expert does not know the office's key before the first assignment arrives.
 */

/**
 * An enrollment belongs to no award cycle, but every payload names one (`cycleId`, at least one character), so
 * enrollments carry this literal. The office recognises it by the kind, never by the cycle id.
 */
export const enrollmentCycleId = 'enrollment';

/**
 * The expert id: `expert-` and the first 16 hex digits (64 bits) of the signing-key fingerprint. It is stable for a
 * key (the same key always gives the same id, on any machine, with no registry to ask) and unique in practice: among
 * a million keys, the chance that any two share 64 bits of SHA-256 is about 3·10⁻⁸ (birthday bound, n²/2⁶⁵), and the
 * office, which registers the full fingerprint, would see such a clash at once. A new key means a new id,
 * deliberately: the office decides whether it is the same person.
 */
export function expertIdOf(fingerprint: string): string {
  return `expert-${fingerprint.slice(0, 16)}`;
}

/**
 * A name that is safe as part of a file name on Windows, macOS and Linux: letters of any script (CJK included),
 * combining marks and digits are kept; runs of anything else (spaces, punctuation, separators, control and
 * reserved characters, emoji) become one `_`; at most 40 characters; `expert` when nothing is left.
 */
export function fileNamePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}-]+/gu, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
  const short = [...cleaned]
    .slice(0, 40)
    .join('')
    .replace(/[_-]+$/, '');
  return short === '' ? 'expert' : short;
}

/** `enrollment-<name>-<first 8 hex of the fingerprint>.qapkg`: the office sees whose it is before opening it. */
export function enrollmentFileName(profile: ExpertProfile, fingerprint: string): string {
  return `enrollment-${fileNamePart(profile.name)}-${fingerprint.slice(0, 8)}.qapkg`;
}

export interface EnrollmentInput {
  readonly profile: ExpertProfile;
  /** SHA-256 of the raw signing public key, lowercase hex (also the envelope's keyid). */
  readonly fingerprint: string;
  readonly signingPublicKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
  readonly appVersion: string;
  readonly nowMs: number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  /** The key store's Ed25519 signature. */
  readonly sign: (message: Uint8Array) => Promise<Result<Uint8Array>>;
}

export interface EnrollmentPackage {
  readonly fileName: string;
  readonly file: Uint8Array;
  readonly payload: EnrollmentPayload;
}

/** Builds and signs the enrollment package; the payload is checked against its schema before it is signed. */
export async function buildEnrollmentPackage(input: EnrollmentInput): Promise<Result<EnrollmentPackage>> {
  const checked = enrollmentPayloadSchema.safeParse({
    schema: 'scorebook.enrollment/1',
    kind: 'enrollment',
    packageId: uuidV7(input.nowMs, input.random),
    cycleId: enrollmentCycleId,
    issuer: expertIdOf(input.fingerprint),
    keyId: input.fingerprint,
    // toISOString always writes milliseconds, which the payload's time format allows.
    createdAt: new Date(input.nowMs).toISOString(),
    app: { name: 'Scorebook', version: input.appVersion },
    profile: input.profile,
    signingPublicKey: encodeBase64(input.signingPublicKey),
    receivingPublicKey: encodeBase64(input.receivingPublicKey),
  } satisfies EnrollmentPayload);
  if (!checked.success) {
    const detail = `enrollment payload: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
    return fail('E_INTERNAL', detail, { detail });
  }
  const payload = checked.data;
  const built = await buildPackage({ kind: 'enrollment', payload, keyId: input.fingerprint, sign: input.sign });
  if (!built.ok) return built;
  return ok({ fileName: enrollmentFileName(payload.profile, input.fingerprint), file: built.value.file, payload });
}

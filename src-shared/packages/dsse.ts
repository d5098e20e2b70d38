import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { decodeBase64Strict, encodeBase64 } from './base64';
import { concatBytes, fromCharCodes, utf8Decode, utf8Encode } from './bytes';
import { ED25519_SIGNATURE_BYTES } from './ed25519';
import { canonicalBytes, parseJsonStrict } from './jcs';

/**
 * DSSE v1, the Dead Simple Signing Envelope (github.com/secure-systems-lab/dsse, protocol.md and
 * envelope.md), with the house restrictions of docs/package-format.md: exactly one signature,
 * strict shape, canonical base64, Ed25519 signatures of 64 bytes (RFC 8032 section 5.1.6).
 */

/**
 * Default cap on an envelope's size: an 8 MiB payload (the JCS parser's default) grows by 4/3
 * in base64, plus the other fields.
 */
export const DEFAULT_MAX_ENVELOPE_BYTES = 16 * 1024 * 1024;

/** The envelope's JSON shape (DSSE envelope.md), strict: unknown keys and extra signatures refused. */
export const envelopeSchema = z.strictObject({
  payloadType: z.string().min(1, 'payloadType must not be empty'),
  payload: z.string(),
  signatures: z
    .array(z.strictObject({ keyid: z.string(), sig: z.string() }))
    .length(1, 'exactly one signature is required'),
});

export type EnvelopeJson = z.infer<typeof envelopeSchema>;

export interface ParsedEnvelope {
  readonly payloadType: string;
  /** The exact signed payload bytes (base64-decoded), not yet parsed. */
  readonly payloadBytes: Uint8Array;
  /** The signer's key fingerprint: only a hint for the registry lookup. */
  readonly keyId: string;
  /** The 64-byte Ed25519 signature over {@link pae}(payloadType, payloadBytes). */
  readonly signature: Uint8Array;
}

export interface EnvelopeParts {
  readonly payloadType: string;
  readonly payloadBytes: Uint8Array;
  readonly keyId: string;
  readonly signature: Uint8Array;
}

const SP = utf8Encode(' ');

/**
 * The DSSE v1 pre-authentication encoding (DSSE protocol.md, "Signature definition"):
 * "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, where LEN is the ASCII decimal byte length
 * of the UTF-8 type and of the body. This, not the envelope, is what gets signed.
 */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8Encode(payloadType);
  return concatBytes(
    utf8Encode(`DSSEv1 ${type.length}`),
    SP,
    type,
    SP,
    utf8Encode(String(payload.length)),
    SP,
    payload,
  );
}

function malformed<T>(detail: string): Result<T> {
  return fail('E_MALFORMED', `malformed envelope: ${detail}`, { detail });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * The text of bytes that are all ASCII, else undefined. ASCII bytes are valid UTF-8 and stand for themselves (RFC 3629
 * section 3), so this gives what the fatal decoder gives, without its per-byte work: a real envelope is ASCII (base64,
 * a hex key id, an ASCII payload type), and the general decoder took a quarter of the envelope's reading time
 * (docs/performance.md, "Packages"). Anything else goes through utf8Decode.
 */
function asciiText(bytes: Uint8Array): string | undefined {
  let any = 0;
  for (let i = 0; i < bytes.length; i++) any |= bytes[i] ?? 0;
  return any < 0x80 ? fromCharCodes(bytes) : undefined;
}

/**
 * Reads an envelope from its received bytes (office step 2): fatal UTF-8, strict JSON (duplicate
 * keys, trailing bytes refused), the strict shape, canonical base64 of payload and signature, a
 * 64-byte signature. Every failure is E_MALFORMED with a precise detail. Nothing is verified and
 * the payload is not parsed here. Never throws.
 */
export function parseEnvelope(
  bytes: Uint8Array,
  maxBytes: number = DEFAULT_MAX_ENVELOPE_BYTES,
): Result<ParsedEnvelope> {
  if (bytes.length > maxBytes) return malformed(`envelope longer than ${maxBytes} bytes`);
  const text = asciiText(bytes) ?? utf8Decode(bytes);
  if (text === undefined) return malformed('invalid UTF-8');
  const json = parseJsonStrict(text, { maxLength: maxBytes });
  if (!json.ok) return malformed(json.error.params?.detail?.toString() ?? json.error.message);
  const shape = envelopeSchema.safeParse(json.value);
  if (!shape.success) return malformed(shape.error.issues.map(describeIssue).join('; '));
  const { payloadType, payload, signatures } = shape.data;
  const [first] = signatures;
  // The schema's length(1) guarantees one element; the check only satisfies the type.
  if (first === undefined) return malformed('exactly one signature is required');
  const payloadBytes = decodeBase64Strict(payload);
  if (payloadBytes === undefined) return malformed('payload is not canonical base64');
  const signature = decodeBase64Strict(first.sig);
  if (signature === undefined) return malformed('sig is not canonical base64');
  if (signature.length !== ED25519_SIGNATURE_BYTES) {
    return malformed(`signature is ${signature.length} bytes, Ed25519 needs ${ED25519_SIGNATURE_BYTES}`);
  }
  return ok({ payloadType, payloadBytes, keyId: first.keyid, signature });
}

/**
 * Writes an envelope as the canonical JSON (RFC 8785) of
 * `{payloadType, payload: base64, signatures: [{keyid, sig: base64}]}`. Throws a TypeError for an
 * empty payload type or a type or key id that is not valid Unicode (lone surrogates): those are
 * programming errors on the sending side, and no receiver would accept the result.
 */
export function serializeEnvelope(parts: EnvelopeParts): Uint8Array {
  if (parts.payloadType === '') throw new TypeError('payloadType must not be empty');
  const bytes = canonicalBytes({
    payloadType: parts.payloadType,
    payload: encodeBase64(parts.payloadBytes),
    signatures: [{ keyid: parts.keyId, sig: encodeBase64(parts.signature) }],
  });
  if (!bytes.ok) throw new TypeError(`cannot serialise envelope: ${bytes.error.message}`);
  return bytes.value;
}

/**
 * Signs PAE(payloadType, payloadBytes) with `sign` (for example Ed25519 with the expert's key)
 * and returns the serialized envelope bytes. Rejects like {@link serializeEnvelope} for an empty
 * or ill-formed payload type or key id, before anything is signed.
 */
export async function signEnvelope(
  payloadType: string,
  payloadBytes: Uint8Array,
  keyId: string,
  sign: (message: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  // Serialise once with a placeholder so an unsendable type or key id fails before signing.
  serializeEnvelope({ payloadType, payloadBytes: new Uint8Array(0), keyId, signature: new Uint8Array(0) });
  const signature = await sign(pae(payloadType, payloadBytes));
  return serializeEnvelope({ payloadType, payloadBytes, keyId, signature });
}

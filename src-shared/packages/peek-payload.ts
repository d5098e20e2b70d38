import { parseEnvelope } from './dsse';
import { isCanonicalJsonBytes, type JsonValue } from './jcs';
import { unpackContainer } from './container';

/**
 * The payload of a container read BEFORE its signature is checked, or undefined when the container, the envelope or
 * the JSON fails the same strict reading openPackage applies (container limits, strict envelope, canonical JSON
 * without duplicate names).
 *
 * Only for self-describing packages whose trust is decided elsewhere: an assignment carries the office key that signed
 * it (trust comes from the pin), a receipt names its issuer (trust comes from the pinned key that must sign it). What
 * is read here proves nothing by itself; openPackage then verifies the same bytes.
 */
export function peekPayload(container: Uint8Array): JsonValue | undefined {
  const unpacked = unpackContainer(container);
  if (!unpacked.ok) return undefined;
  const envelope = parseEnvelope(unpacked.value.envelope);
  if (!envelope.ok) return undefined;
  const json = isCanonicalJsonBytes(envelope.value.payloadBytes);
  return json.ok ? json.value : undefined;
}

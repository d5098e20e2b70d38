import { zipSync } from 'fflate';
import { nodeOpenSealed } from '../../../src-main/services/node-hpke';
import { nodeSha256Hex } from '../../../src-main/services/node-verify';
import type { Result } from '../../../src-shared/contract/result';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { sha256Hex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import { packContainer } from '../../../src-shared/packages/container';
import { pae } from '../../../src-shared/packages/dsse';
import { signEd25519, type Ed25519Verifier } from '../../../src-shared/packages/ed25519';
import { canonicalBytes, type JsonValue } from '../../../src-shared/packages/jcs';
import { openPackage, type OpenOptions, type RegisteredKey } from '../../../src-shared/packages/open-package';
import { payloadTypeOf, type SheetPayload } from '../../../src-shared/packages/payload-schemas';
import { openSealed, sealTo } from '../../../src-shared/packages/seal';
import { verifyForOffice, type OfficeVerdict } from '../../../src-shared/packages/verify-office';
import { memoryOffice, type MemoryOffice, type Signer } from '../../support/package-world';

/** The parts of a package before zipping, so each layer can be mutated on its own. */
export interface Layers {
  payloadType: string;
  payloadBytes: Uint8Array;
  keyId: string;
  signature: Uint8Array;
  /** The envelope as a JSON object, after the fields above were put in. */
  envelope?: (json: Record<string, unknown>) => JsonValue;
  /** Raw envelope bytes instead of canonical JSON (for trailing garbage and the like). */
  envelopeBytes?: (canonical: Uint8Array) => Uint8Array;
  blobs: { name: string; bytes: Uint8Array }[];
}

export interface World {
  readonly expert: Signer;
  readonly other: Signer;
  readonly office: { publicKeyRaw: Uint8Array; privateKeyRaw: Uint8Array };
  readonly photos: Uint8Array[];
  readonly state: MemoryOffice;
  readonly keys: Map<string, RegisteredKey>;
  /**
   * Signature verifiers kept for the whole suite, as an office run keeps them: every mutation, revocation and key swap
   * is checked with keys cached by earlier cases. `webCrypto` is createVerifyKeyCache, `node` main's node:crypto one.
   */
  readonly verifiers: { readonly webCrypto: Ed25519Verifier; readonly node: Ed25519Verifier };
  readonly valid: SheetPayload;
}

export async function sign(signer: Signer, payloadType: string, payloadBytes: Uint8Array): Promise<Uint8Array> {
  return signEd25519(signer.privateKey, pae(payloadType, payloadBytes));
}

/** Canonical payload bytes signed by `signer` — the honest layers of a package. */
export async function honestLayers(world: World, payload: object, signer = world.expert): Promise<Layers> {
  const bytes = canonicalBytes(payload as JsonValue);
  if (!bytes.ok) throw new Error('fixture payload is not canonicalisable');
  const payloadType = payloadTypeOf('sheet');
  return {
    payloadType,
    payloadBytes: bytes.value,
    keyId: signer.fingerprint,
    signature: await sign(signer, payloadType, bytes.value),
    blobs: await Promise.all(world.photos.map(async (bytes) => ({ name: `blobs/${await sha256Hex(bytes)}`, bytes }))),
  };
}

/** Zips (with fflate directly, so names can be anything) and seals the layers to the office. */
export async function assemble(
  world: World,
  layers: Layers,
  options: { raw?: boolean; seal?: boolean } = {},
): Promise<Uint8Array> {
  const json: Record<string, unknown> = {
    payloadType: layers.payloadType,
    payload: encodeBase64(layers.payloadBytes),
    signatures: [{ keyid: layers.keyId, sig: encodeBase64(layers.signature) }],
  };
  const value = layers.envelope === undefined ? (json as JsonValue) : layers.envelope(json);
  const canonical = canonicalBytes(value);
  if (!canonical.ok) throw new Error('envelope not canonicalisable');
  const envelope = layers.envelopeBytes === undefined ? canonical.value : layers.envelopeBytes(canonical.value);
  let container: Uint8Array;
  if (options.raw === true) {
    const files: Record<string, Uint8Array> = { 'envelope.json': envelope };
    for (const blob of layers.blobs) files[blob.name] = blob.bytes;
    container = zipSync(files);
  } else {
    container = packContainer({
      envelope,
      blobs: layers.blobs.map((b) => ({ sha256: b.name.slice('blobs/'.length), bytes: b.bytes })),
    });
  }
  if (options.seal === false) return container;
  const sealed = await sealTo(world.office.publicKeyRaw, container);
  if (!sealed.ok) throw new Error('sealing failed');
  return sealed.value;
}

/**
 * The whole office verification: steps 1–7 (open) and 8–11 (office state), by two readers that must agree on every
 * verdict: src-shared alone (WebCrypto HPKE and Ed25519, keys cached) and main's (node-hpke, node:crypto Ed25519 and
 * SHA-256). The first one's verdict is returned; a disagreement throws. verifyForOffice only reads the state.
 */
export async function verifyAll(
  world: World,
  file: Uint8Array,
  maxFileBytes = 64 * 1024 * 1024,
): Promise<Result<OfficeVerdict>> {
  const common = {
    maxFileBytes,
    acceptedKinds: ['sheet', 'declaration', 'pledge'],
    requireSealed: true,
    keyFor: (fp) => world.keys.get(fp),
  } satisfies Partial<OpenOptions>;
  const readers: OpenOptions[] = [
    {
      ...common,
      openSeal: (sealed) => openSealed(world.office.privateKeyRaw, sealed),
      signatureVerifier: world.verifiers.webCrypto,
    },
    {
      ...common,
      openSeal: (sealed) => nodeOpenSealed(world.office.privateKeyRaw, sealed),
      signatureVerifier: world.verifiers.node,
      sha256Hex: nodeSha256Hex,
    },
  ];
  const [shared, main] = await Promise.all(
    readers.map(async (options) => {
      const opened = await openPackage(file, options);
      return opened.ok ? verifyForOffice(opened.value, world.state) : opened;
    }),
  );
  if (shared === undefined || main === undefined) throw new Error('two readers expected');
  const verdict = (result: Result<OfficeVerdict>): unknown => (result.ok ? result.value : result.error);
  if (JSON.stringify(verdict(shared)) !== JSON.stringify(verdict(main))) {
    throw new Error(`readers disagree: ${JSON.stringify(verdict(shared))} vs ${JSON.stringify(verdict(main))}`);
  }
  return shared;
}

export function codeOf(result: Result<OfficeVerdict>): string {
  return result.ok ? `ok:${result.value.outcome}` : result.error.code;
}

/** Re-encodes the payload JSON text (for non-canonical variants), keeping the signature honest. */
export function payloadText(layers: Layers): string {
  return utf8Decode(layers.payloadBytes) ?? '';
}

export async function resign(
  world: World,
  layers: Layers,
  payloadBytes: Uint8Array,
  signer = world.expert,
): Promise<Layers> {
  return { ...layers, payloadBytes, signature: await sign(signer, layers.payloadType, payloadBytes) };
}

export function text(value: string): Uint8Array {
  return utf8Encode(value);
}

export function freshState(): MemoryOffice {
  return memoryOffice();
}

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeSignatureVerifier } from '../../../src-main/services/node-verify';
import { sha256Hex, utf8Encode } from '../../../src-shared/packages/bytes';
import { createVerifyKeyCache } from '../../../src-shared/packages/ed25519';
import { payloadTypeOf } from '../../../src-shared/packages/payload-schemas';
import { attachmentRef, makeSigner, officeKeys, registered, sheetPayload } from '../../support/package-world';
import {
  assemble,
  codeOf,
  freshState,
  honestLayers,
  payloadText,
  resign,
  verifyAll,
  type Layers,
  type World,
} from './tamper-world';

/**
 * The tamper suite (docs/package-format.md, security.md): every mutation of a valid sealed score
 * package is refused with its exact code, in the verification order. Over 100 generated cases.
 */
let world: World;

beforeAll(async () => {
  const expert = await makeSigner('expert-1');
  const other = await makeSigner('expert-2');
  const photos = [utf8Encode('照片一：车间质量看板'.repeat(50)), utf8Encode('照片二：检验记录'.repeat(80))];
  const valid = sheetPayload(expert, {
    attachments: [
      await attachmentRef(photos[0] ?? new Uint8Array(), 'board.jpg'),
      await attachmentRef(photos[1] ?? new Uint8Array(), 'record.jpg'),
    ],
  });
  const office = await officeKeys();
  const verifiers = { webCrypto: createVerifyKeyCache(), node: createNodeSignatureVerifier() };
  world = { expert, other, office, photos, state: freshState(), valid, keys: new Map(), verifiers };
});

beforeEach(() => {
  Object.assign(world.state, freshState());
  world.keys.clear();
  world.keys.set(world.expert.fingerprint, registered(world.expert));
  world.keys.set(world.other.fingerprint, registered(world.other));
});

async function honest(): Promise<Layers> {
  return honestLayers(world, world.valid);
}

/** The valid payload with fields replaced; a field patched to undefined is left out entirely. */
async function withPayload(patch: object, signer = world.expert): Promise<Layers> {
  const merged = Object.fromEntries(
    Object.entries({ ...world.valid, ...patch }).filter(([, value]) => value !== undefined),
  );
  return honestLayers(world, merged, signer);
}

it('accepts the untouched package (the baseline every mutation starts from)', async () => {
  expect(codeOf(await verifyAll(world, await assemble(world, await honest())))).toBe('ok:accept');
});

describe('step 1: size and seal', () => {
  it('refuses a file above the size cap before opening it (E_TOO_LARGE)', async () => {
    expect(codeOf(await verifyAll(world, await assemble(world, await honest()), 100))).toBe('E_TOO_LARGE');
  });

  it.each(Array.from({ length: 16 }, (_, i) => i))(
    'refuses the sealed file with byte %i of every 16th flipped (E_SEAL)',
    async (k) => {
      const file = await assemble(world, await honest());
      const position = Math.floor(((k + 0.5) / 16) * file.length);
      file[position] = (file[position] ?? 0) ^ 0x40;
      expect(codeOf(await verifyAll(world, file))).toBe('E_SEAL');
    },
  );

  it.each([1, 20, 51, 100, 1000])('refuses the sealed file truncated by %i bytes (E_SEAL)', async (cut) => {
    const file = await assemble(world, await honest());
    expect(codeOf(await verifyAll(world, file.slice(0, file.length - cut)))).toBe('E_SEAL');
  });

  it('refuses an unsealed score package: confidential content never travels in clear (E_SEAL)', async () => {
    expect(codeOf(await verifyAll(world, await assemble(world, await honest(), { seal: false })))).toBe('E_SEAL');
  });

  it('refuses a file sealed to another key (E_SEAL)', async () => {
    const stranger = await officeKeys();
    const file = await assemble({ ...world, office: stranger }, await honest());
    expect(codeOf(await verifyAll(world, file))).toBe('E_SEAL');
  });
});

describe('step 2: container and envelope shape', () => {
  it.each(['../evil', '/abs', 'blobs\\x', 'blobs/ABC', 'notes.txt', 'blobs/'])(
    'refuses an extra entry named %s (E_CONTAINER)',
    async (name) => {
      const layers = await honest();
      layers.blobs.push({ name, bytes: utf8Encode('x') });
      expect(codeOf(await verifyAll(world, await assemble(world, layers, { raw: true })))).toBe('E_CONTAINER');
    },
  );

  it('refuses a container without envelope.json (E_CONTAINER)', async () => {
    const layers = await honest();
    const file = await assemble(world, { ...layers, envelopeBytes: () => new Uint8Array() }, { raw: true });
    expect(['E_CONTAINER', 'E_MALFORMED']).toContain(codeOf(await verifyAll(world, file)));
  });

  it('refuses a sealed payload that is not a zip at all (E_CONTAINER)', async () => {
    const { sealTo } = await import('../../../src-shared/packages/seal');
    const sealed = await sealTo(world.office.publicKeyRaw, utf8Encode('not a zip'));
    expect(sealed.ok && codeOf(await verifyAll(world, sealed.value))).toBe('E_CONTAINER');
  });

  const envelopeMutations: [string, (json: Record<string, unknown>) => Record<string, unknown>][] = [
    ['an extra top-level key', (j) => ({ ...j, note: 'x' })],
    ['no signatures', (j) => ({ ...j, signatures: [] })],
    ['two signatures', (j) => ({ ...j, signatures: [...(j.signatures as object[]), ...(j.signatures as object[])] })],
    ['a missing payloadType', ({ payloadType: _t, ...rest }) => rest],
    ['a numeric payload', (j) => ({ ...j, payload: 42 })],
    ['an extra key in the signature', (j) => ({ ...j, signatures: [{ ...(j.signatures as object[])[0], cert: 'x' }] })],
    [
      'URL-safe base64 in the payload',
      (j) => ({ ...j, payload: String(j.payload).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') + '-_' }),
    ],
    [
      'base64 without padding',
      (j) => ({ ...j, payload: String(j.payload).replace(/=+$/, '') + (String(j.payload).endsWith('=') ? '' : 'A') }),
    ],
    [
      'a 63-byte signature',
      (j) => ({
        ...j,
        signatures: [
          { keyid: (j.signatures as { keyid: string }[])[0]?.keyid, sig: Buffer.alloc(63, 1).toString('base64') },
        ],
      }),
    ],
    [
      'whitespace inside the signature base64',
      (j) => ({
        ...j,
        signatures: [
          {
            keyid: (j.signatures as { keyid: string }[])[0]?.keyid,
            sig: ' ' + (j.signatures as { sig: string }[])[0]?.sig,
          },
        ],
      }),
    ],
  ];
  it.each(envelopeMutations)('refuses an envelope with %s (E_MALFORMED)', async (_name, mutate) => {
    const layers = await honest();
    expect(
      codeOf(await verifyAll(world, await assemble(world, { ...layers, envelope: (j) => mutate(j) as never }))),
    ).toBe('E_MALFORMED');
  });

  it.each([
    ['trailing garbage', (b: Uint8Array) => new Uint8Array([...b, 0x20, 0x7b])],
    ['a duplicate key', (b: Uint8Array) => utf8Encode(new TextDecoder().decode(b).replace('{', '{"payloadType":"x",'))],
    ['invalid UTF-8', (b: Uint8Array) => new Uint8Array([...b.slice(0, 5), 0xff, ...b.slice(5)])],
  ])('refuses envelope bytes with %s (E_MALFORMED)', async (_name, mutate) => {
    const layers = await honest();
    expect(codeOf(await verifyAll(world, await assemble(world, { ...layers, envelopeBytes: mutate })))).toBe(
      'E_MALFORMED',
    );
  });
});

describe('steps 3–5: type, key, signature', () => {
  it.each([
    'application/json',
    'application/vnd.scorebook.sheet.v2+json',
    '',
    'application/vnd.scorebook.enrollment.v1+json',
  ])('refuses payload type "%s" (E_TYPE, or E_MALFORMED when empty)', async (payloadType) => {
    const layers = await honest();
    const code = codeOf(await verifyAll(world, await assemble(world, { ...layers, payloadType })));
    expect(code).toBe(payloadType === '' ? 'E_MALFORMED' : 'E_TYPE');
  });

  it('refuses a sheet relabelled as a declaration: the type is signed too (E_SIG)', async () => {
    const layers = await honest();
    expect(
      codeOf(await verifyAll(world, await assemble(world, { ...layers, payloadType: payloadTypeOf('declaration') }))),
    ).toBe('E_SIG');
  });

  it('refuses an unregistered key (E_KEY_UNKNOWN) and a revoked one (E_KEY_REVOKED)', async () => {
    const file = await assemble(world, await honest());
    world.keys.set(world.expert.fingerprint, registered(world.expert, true));
    expect(codeOf(await verifyAll(world, file))).toBe('E_KEY_REVOKED');
    world.keys.delete(world.expert.fingerprint);
    expect(codeOf(await verifyAll(world, file))).toBe('E_KEY_UNKNOWN');
  });

  it('uses the key the registry holds now, not one cached before: revoked, then replaced (E_KEY_REVOKED, E_SIG)', async () => {
    const file = await assemble(world, await honest());
    expect(codeOf(await verifyAll(world, file))).toBe('ok:accept'); // the expert's key is now cached
    Object.assign(world.state, freshState());
    world.keys.set(world.expert.fingerprint, registered(world.expert, true));
    expect(codeOf(await verifyAll(world, file))).toBe('E_KEY_REVOKED');
    world.keys.set(world.expert.fingerprint, { ...registered(world.other), owner: world.expert.id });
    expect(codeOf(await verifyAll(world, file))).toBe('E_SIG');
  });

  it('refuses a key id naming another registered expert: the registry key decides (E_SIG)', async () => {
    const layers = await honest();
    expect(codeOf(await verifyAll(world, await assemble(world, { ...layers, keyId: world.other.fingerprint })))).toBe(
      'E_SIG',
    );
  });

  it.each(Array.from({ length: 64 }, (_, i) => i))('refuses a signature with byte %i changed (E_SIG)', async (i) => {
    const layers = await honest();
    const signature = layers.signature.slice();
    signature[i] = (signature[i] ?? 0) ^ 0x01;
    expect(codeOf(await verifyAll(world, await assemble(world, { ...layers, signature })))).toBe('E_SIG');
  });

  it.each(Array.from({ length: 12 }, (_, i) => i))(
    'refuses payload bytes changed at the %ith of 12 positions (E_SIG)',
    async (k) => {
      const layers = await honest();
      const payloadBytes = layers.payloadBytes.slice();
      const at = Math.floor(((k + 0.5) / 12) * payloadBytes.length);
      payloadBytes[at] = (payloadBytes[at] ?? 0) ^ 0x02;
      expect(codeOf(await verifyAll(world, await assemble(world, { ...layers, payloadBytes })))).toBe('E_SIG');
    },
  );

  it('refuses a signature swapped in from another package of the same expert (E_SIG)', async () => {
    const layers = await honest();
    const otherSheet = await withPayload({ seq: 2, prevHash: 'b'.repeat(64), revisionReason: '现场核实后修订' });
    expect(codeOf(await verifyAll(world, await assemble(world, { ...layers, signature: otherSheet.signature })))).toBe(
      'E_SIG',
    );
  });
});

describe('steps 6–7: canonical form, schema, issuer', () => {
  it.each([
    ['pretty-printed', (t: string) => JSON.stringify(JSON.parse(t), null, 2)],
    [
      'keys reordered',
      (t: string) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(t) as object).reverse())),
    ],
    ['a duplicate key', (t: string) => t.replace('{', '{"seq":1,')],
    ['a number written 1.0', (t: string) => t.replace('"seq":1', '"seq":1.0')],
    ['an escaped character that need not be', (t: string) => t.replace('"kind":"sheet"', '"kind":"\\u0073heet"')],
  ])('refuses a correctly signed but non-canonical payload: %s (E_NONCANONICAL)', async (_name, rewrite) => {
    const layers = await honest();
    const signed = await resign(world, layers, utf8Encode(rewrite(payloadText(layers))));
    expect(codeOf(await verifyAll(world, await assemble(world, signed)))).toBe('E_NONCANONICAL');
  });

  it.each<[string, object]>([
    [
      'a percent that is not a multiple of 5 in range',
      { items: [{ itemId: '4.1.2', percent: 101, strengths: [], ofis: [] }] },
    ],
    ['a float percent', { items: [{ itemId: '4.1.2', percent: 52.5, strengths: [], ofis: [] }] }],
    ['an unknown field', { secret: 'x' }],
    ['a wrong kind', { kind: 'pledge' }],
    ['a wrong schema version', { schema: 'scorebook.sheet/2' }],
    ['seq 0', { seq: 0 }],
    ['a malformed package id', { packageId: 'not-a-uuid' }],
    ['a missing prevHash', { prevHash: undefined }],
    ['a percent that is not a multiple of 5', { items: [{ itemId: '4.1.2', percent: 52, strengths: [], ofis: [] }] }],
    ['a calendar time that does not exist', { createdAt: '2026-13-45T99:99:99Z' }],
    ['a revision without its reason', { seq: 2, prevHash: 'b'.repeat(64), revisionReason: null }],
    ['a first version with a revision reason', { revisionReason: '无' }],
  ])('refuses a signed payload with %s (E_SCHEMA)', async (_name, patch) => {
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload(patch))))).toBe('E_SCHEMA');
  });

  it('refuses a payload naming another issuer than the key owner (E_ISSUER_MISMATCH)', async () => {
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload({ issuer: 'expert-2' }))))).toBe(
      'E_ISSUER_MISMATCH',
    );
  });

  it('refuses a payload whose keyId differs from the signing key (E_ISSUER_MISMATCH)', async () => {
    expect(
      codeOf(await verifyAll(world, await assemble(world, await withPayload({ keyId: world.other.fingerprint })))),
    ).toBe('E_ISSUER_MISMATCH');
  });
});

describe('step 8: cycle, stage, assignment, recusal', () => {
  it('refuses an unknown cycle and a closed one (E_CYCLE)', async () => {
    const file = await assemble(world, await withPayload({ cycleId: 'cycle-1999' }));
    expect(codeOf(await verifyAll(world, file))).toBe('E_CYCLE');
    world.state.cycles.set('cycle-2026', { open: false, openStages: ['material'] });
    expect(codeOf(await verifyAll(world, await assemble(world, await honest())))).toBe('E_CYCLE');
  });

  it('refuses a closed stage (E_STAGE_CLOSED)', async () => {
    world.state.cycles.set('cycle-2026', { open: true, openStages: ['defense'] });
    expect(codeOf(await verifyAll(world, await assemble(world, await honest())))).toBe('E_STAGE_CLOSED');
  });

  it.each<[string, object]>([
    ['another applicant', { applicantId: 'applicant-2' }],
    ['another assignment', { assignmentId: 'assignment-9' }],
    ['another stage', { stage: 'site' }],
  ])('refuses a sheet for %s than assigned (E_NOT_ASSIGNED)', async (_name, patch) => {
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload(patch))))).toBe('E_NOT_ASSIGNED');
  });

  it('refuses the sheet of an expert who recused (E_RECUSED)', async () => {
    world.state.recusals.add('expert-1|cycle-2026|applicant-1');
    expect(codeOf(await verifyAll(world, await assemble(world, await honest())))).toBe('E_RECUSED');
  });
});

describe('step 9: version chain', () => {
  it('answers a re-import of the same bytes as a duplicate, and refuses the id with other content (E_ID_REUSE)', async () => {
    const layers = await honest();
    world.state.packages.set(world.valid.packageId, await sha256Hex(layers.payloadBytes));
    expect(codeOf(await verifyAll(world, await assemble(world, layers)))).toBe('ok:duplicate');
    world.state.packages.set(world.valid.packageId, 'c'.repeat(64));
    expect(codeOf(await verifyAll(world, await assemble(world, layers)))).toBe('E_ID_REUSE');
  });

  it('refuses a replay, an older version, a fork, a gap and a broken prevHash', async () => {
    const layers = await honest();
    const key = ['sheet', 'expert-1', 'cycle-2026', 'material', 'applicant-1'].join('\u001f');
    const hash = await sha256Hex(layers.payloadBytes);
    world.state.heads.set(key, { seq: 1, payloadSha256: hash });
    expect(codeOf(await verifyAll(world, await assemble(world, layers)))).toBe('E_ROLLBACK');
    world.state.heads.set(key, { seq: 1, payloadSha256: 'd'.repeat(64) });
    expect(codeOf(await verifyAll(world, await assemble(world, layers)))).toBe('E_FORK');
    world.state.heads.set(key, { seq: 4, payloadSha256: hash });
    expect(
      codeOf(
        await verifyAll(
          world,
          await assemble(world, await withPayload({ seq: 2, prevHash: hash, revisionReason: '现场核实后修订' })),
        ),
      ),
    ).toBe('E_ROLLBACK');
    world.state.heads.set(key, { seq: 1, payloadSha256: hash });
    expect(
      codeOf(
        await verifyAll(
          world,
          await assemble(world, await withPayload({ seq: 3, prevHash: hash, revisionReason: '现场核实后修订' })),
        ),
      ),
    ).toBe('E_GAP');
    expect(
      codeOf(
        await verifyAll(
          world,
          await assemble(
            world,
            await withPayload({ seq: 2, prevHash: 'e'.repeat(64), revisionReason: '现场核实后修订' }),
          ),
        ),
      ),
    ).toBe('E_FORK');
    expect(
      codeOf(
        await verifyAll(
          world,
          await assemble(world, await withPayload({ seq: 2, prevHash: hash, revisionReason: '现场核实后修订' })),
        ),
      ),
    ).toBe('ok:accept');
  });

  it('refuses a first version that claims a predecessor (E_FORK) or starts above 1 (E_GAP)', async () => {
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload({ prevHash: 'f'.repeat(64) }))))).toBe(
      'E_FORK',
    );
    expect(
      codeOf(
        await verifyAll(
          world,
          await assemble(
            world,
            await withPayload({ seq: 2, prevHash: 'f'.repeat(64), revisionReason: '现场核实后修订' }),
          ),
        ),
      ),
    ).toBe('E_GAP');
  });
});

describe('steps 10–11: attachments and totals', () => {
  it.each<[string, (l: Layers) => void]>([
    [
      'a changed photo',
      (l) => {
        const b = l.blobs[0];
        if (b) b.bytes = utf8Encode('别的照片');
      },
    ],
    [
      'a missing photo',
      (l) => {
        l.blobs.pop();
      },
    ],
    [
      'an unlisted extra file',
      (l) => {
        l.blobs.push({ name: `blobs/${'0'.repeat(64)}`, bytes: new Uint8Array() });
      },
    ],
  ])('refuses %s (E_ATTACHMENT)', async (_name, mutate) => {
    const layers = await honest();
    mutate(layers);
    expect(codeOf(await verifyAll(world, await assemble(world, layers, { raw: true })))).toBe('E_ATTACHMENT');
  });

  it('refuses an attachment listed with the wrong size (E_ATTACHMENT)', async () => {
    const attachments = world.valid.attachments.map((a, i) => (i === 0 ? { ...a, size: a.size + 1 } : a));
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload({ attachments }))))).toBe(
      'E_ATTACHMENT',
    );
  });

  it.each<[string, (p: typeof world.valid) => object]>([
    ['a total one hundredth too high', (p) => ({ totals: { ...p.totals, hundredths: p.totals.hundredths + 1 } })],
    [
      'a category moved between categories',
      (p) => ({
        totals: {
          ...p.totals,
          categories: p.totals.categories.map((c, i) => ({
            ...c,
            hundredths: c.hundredths + (i === 0 ? 100 : i === 1 ? -100 : 0),
          })),
        },
      }),
    ],
    ['a category left out', (p) => ({ totals: { ...p.totals, categories: p.totals.categories.slice(1) } })],
    [
      'a category listed twice, the first with a false value',
      (p) => ({
        totals: { ...p.totals, categories: [{ categoryId: '4.1', hundredths: 99_900 }, ...p.totals.categories] },
      }),
    ],
    [
      'a percent raised without the totals',
      (p) => ({
        items: p.items.map((it, i) => (i === 0 ? { ...it, percent: it.percent === 100 ? 95 : it.percent + 5 } : it)),
      }),
    ],
  ])('refuses %s (E_TOTALS)', async (_name, patch) => {
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload(patch(world.valid)))))).toBe(
      'E_TOTALS',
    );
  });

  it('refuses an item the criteria do not have (E_SCHEMA)', async () => {
    const items = [...world.valid.items, { itemId: '9.9.9', percent: 50, strengths: [], ofis: [] }];
    expect(codeOf(await verifyAll(world, await assemble(world, await withPayload({ items }))))).toBe('E_SCHEMA');
  });
});

import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src-shared/contract/result';
import type { AssignmentMaterial } from '../../../../src-shared/stages/stage-setup';
import { toBase64 } from '../../../../src-renderer/components/file-bytes';
import type { AppServices } from '../../../../src-renderer/components/services';
import {
  readMaterial,
  sha256Hex,
  verifyMaterialBytes,
  type MaterialStep,
} from '../../../../src-renderer/features/materials/material-bytes';

const bytes = new TextEncoder().encode('%PDF-1.7\n% a material\n%%EOF\n');

async function materialOf(data: Uint8Array<ArrayBuffer>, patch: Partial<AssignmentMaterial> = {}) {
  return {
    applicantId: 'a1',
    sha256: await sha256Hex(data),
    size: data.byteLength,
    name: '申报书.pdf',
    commercialSecret: false,
    ...patch,
  } satisfies AssignmentMaterial;
}

function clientAnswering(answer: Awaited<ReturnType<AppServices['client']['call']>>) {
  const calls: unknown[] = [];
  const client: AppServices['client'] = {
    call: (channel, request) => {
      calls.push([channel, request]);
      return Promise.resolve(answer as never);
    },
  };
  return { client, calls };
}

describe('checking material bytes against the signed entry', () => {
  it('computes SHA-256 as lowercase hex (the FIPS 180-2 "abc" vector)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('passes bytes whose size and hash match', async () => {
    const material = await materialOf(bytes);
    expect(await verifyMaterialBytes(bytes, material)).toEqual({ ok: true, value: bytes });
  });

  it('refuses changed bytes and a wrong size with E_ATTACHMENT naming the material', async () => {
    const material = await materialOf(bytes);
    const changed = bytes.slice();
    changed[3] = 0x41;
    for (const [data, entry] of [
      [changed, material],
      [bytes, { ...material, size: material.size + 1 }],
    ] as const) {
      const result = await verifyMaterialBytes(data, entry);
      expect(result.ok ? undefined : result.error).toMatchObject({
        code: 'E_ATTACHMENT',
        params: { name: '申报书.pdf' },
      });
    }
  });
});

describe("reading a material through main's materials:read", () => {
  it('asks for the assignment and hash, reports its steps, and returns the checked bytes', async () => {
    const material = await materialOf(bytes);
    const { client, calls } = clientAnswering(ok({ base64: toBase64(bytes) }));
    const steps: MaterialStep[] = [];
    const result = await readMaterial(client, 'as-1', material, (step) => steps.push(step));
    expect(calls).toEqual([['materials:read', { assignmentId: 'as-1', sha256: material.sha256 }]]);
    expect(steps).toEqual(['reading', 'verifying']);
    expect(result.ok && Array.from(result.value)).toEqual(Array.from(bytes));
  });

  it("passes main's error on unchanged (the handler may not exist yet)", async () => {
    const material = await materialOf(bytes);
    const missing = fail('E_MATERIAL_MISSING', 'no file', { name: '申报书.pdf', sha256: material.sha256 });
    const { client } = clientAnswering(missing);
    expect(await readMaterial(client, 'as-1', material, () => undefined)).toEqual(missing);
  });

  it('refuses bytes that are not the signed ones, before anything is shown', async () => {
    const material = await materialOf(bytes);
    const { client } = clientAnswering(ok({ base64: toBase64(new TextEncoder().encode('%PDF-1.7 other')) }));
    const result = await readMaterial(client, 'as-1', material, () => undefined);
    expect(result.ok ? undefined : result.error.code).toBe('E_ATTACHMENT');
  });

  it('refuses an answer that is not base64', async () => {
    const material = await materialOf(bytes);
    const { client } = clientAnswering(ok({ base64: '%%% not base64 %%%' }));
    const result = await readMaterial(client, 'as-1', material, () => undefined);
    expect(result.ok ? undefined : result.error.code).toBe('E_ATTACHMENT');
  });
});

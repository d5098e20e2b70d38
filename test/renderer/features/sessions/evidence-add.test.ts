import { describe, expect, it, vi } from 'vitest';
import { ok, fail } from '../../../../src-shared/contract/result';
import type { Evidence } from '../../../../src-shared/stages/stage-work';
import {
  addEvidenceFiles,
  mergeEvidence,
  type EvidenceFile,
  type SendEvidence,
} from '../../../../src-renderer/features/sessions/evidence-add';

const hex = (c: string): string => c.repeat(64);

function file(name: string, size: number, bytes: () => Promise<Uint8Array> = async () => new Uint8Array(size)) {
  return { name, size, mediaType: 'image/jpeg', bytes: vi.fn(bytes) } satisfies EvidenceFile;
}

function run(files: EvidenceFile[], send: SendEvidence, limit = 10) {
  const added: Evidence[] = [];
  const progress: [number, number][] = [];
  let n = 0;
  const done = addEvidenceFiles({
    files,
    limit,
    assignmentId: 'as-1',
    link: { itemIds: ['4.1.1'], issueIds: ['issue-1'] },
    newId: () => `ev-${(n += 1)}`,
    send,
    onProgress: (d, total) => progress.push([d, total]),
    onAdded: (evidence) => added.push(evidence),
  });
  return { done, added, progress };
}

describe('addEvidenceFiles', () => {
  it('refuses a file over the limit on its size, before reading or sending a byte', async () => {
    const big = file('big.jpg', 11);
    const send = vi.fn<SendEvidence>();
    const { done, added } = run([big], send);
    const outcome = await done;
    expect(big.bytes).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
    expect(added).toEqual([]);
    expect(outcome.refused).toEqual([
      expect.objectContaining({ code: 'E_EVIDENCE_TOO_LARGE', params: { name: 'big.jpg', size: 11, limit: 10 } }),
    ]);
  });

  it('sends the others as base64 and hands each stored file on with its links, counting progress', async () => {
    const send = vi.fn<SendEvidence>(async (request) =>
      ok({
        sha256: hex(request.name === 'a.jpg' ? 'a' : 'b'),
        size: 3,
        name: request.name,
        mediaType: request.mediaType,
      }),
    );
    const { done, added, progress } = run(
      [file('a.jpg', 3, async () => new Uint8Array([1, 2, 3])), file('big.jpg', 99), file('b.jpg', 3)],
      send,
    );
    const outcome = await done;
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0]?.[0]).toEqual({
      assignmentId: 'as-1',
      name: 'a.jpg',
      mediaType: 'image/jpeg',
      base64: 'AQID',
    });
    expect(added).toEqual([
      {
        id: 'ev-1',
        sha256: hex('a'),
        size: 3,
        name: 'a.jpg',
        mediaType: 'image/jpeg',
        caption: '',
        itemIds: ['4.1.1'],
        issueIds: ['issue-1'],
      },
      expect.objectContaining({ id: 'ev-2', sha256: hex('b') }),
    ]);
    expect(outcome).toMatchObject({ added: 2 });
    expect(outcome.refused.map((e) => e.code)).toEqual(['E_EVIDENCE_TOO_LARGE']);
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('reports a file main refuses and one that cannot be read, and goes on with the rest', async () => {
    const send = vi.fn<SendEvidence>(async (request) =>
      request.name === 'refused.jpg'
        ? fail('E_EVIDENCE_TOO_LARGE', 'over', { name: request.name, size: 9, limit: 8 })
        : ok({ sha256: hex('c'), size: 1, name: request.name, mediaType: request.mediaType }),
    );
    const gone = file('gone.jpg', 1, () => Promise.reject(new Error('NotFoundError')));
    const { done, added } = run([file('refused.jpg', 1), gone, file('fine.jpg', 1)], send);
    const outcome = await done;
    expect(outcome.refused.map((e) => [e.code, e.params?.name])).toEqual([
      ['E_EVIDENCE_TOO_LARGE', 'refused.jpg'],
      ['E_ATTACHMENT', 'gone.jpg'],
    ]);
    expect(added.map((e) => e.name)).toEqual(['fine.jpg']);
  });
});

describe('mergeEvidence', () => {
  const evidence = (id: string, sha: string, itemIds: string[], issueIds: string[]): Evidence => ({
    id,
    sha256: hex(sha),
    size: 1,
    name: `${id}.jpg`,
    mediaType: 'image/jpeg',
    caption: '',
    itemIds,
    issueIds,
  });

  it('appends a new file', () => {
    const list = [evidence('e1', 'a', ['4.1.1'], [])];
    expect(mergeEvidence(list, evidence('e2', 'b', [], ['i1'])).map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps one record for the same bytes, joining its links', () => {
    const list = [evidence('e1', 'a', ['4.1.1'], ['i1'])];
    const merged = mergeEvidence(list, evidence('e2', 'a', ['4.1.1', '4.2.1'], ['i2']));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'e1', itemIds: ['4.1.1', '4.2.1'], issueIds: ['i1', 'i2'] });
  });
});

import { describe, expect, it } from 'vitest';
import type { InboxResult } from '../../../../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../../../../src-shared/contract/result';
import {
  countReport,
  runInboxImport,
  type PickedFile,
} from '../../../../../src-renderer/features/office/inbox/inbox-import-run';

const sha = 'a'.repeat(64);

function file(name: string, size = 10): PickedFile {
  return { name, size, arrayBuffer: () => Promise.resolve(new Uint8Array(size).fill(65).buffer) };
}

function unreadable(name: string, size = 10): PickedFile {
  return { name, size, arrayBuffer: () => Promise.reject(new Error('gone')) };
}

function accepted(name: string, outcome: 'accepted' | 'duplicate' = 'accepted'): InboxResult {
  return {
    outcome,
    name,
    packageId: `pkg-${name}`,
    kind: 'sheet',
    expertId: 'expert-1',
    cycleId: 'cycle-1',
    stage: 'material',
    applicantId: 'app-1',
    seq: 1,
    payloadSha256: sha,
    receiptId: `rcpt-${name}`,
  };
}

/** Main as a fake: answers each file by its name; records every call. */
function fakeMain(answer: (names: string[], call: number) => Result<InboxResult[]>) {
  const calls: { name: string; base64: string }[][] = [];
  const send = (files: { name: string; base64: string }[]): Promise<Result<InboxResult[]>> => {
    calls.push(files);
    return Promise.resolve(
      answer(
        files.map((f) => f.name),
        calls.length,
      ),
    );
  };
  return { calls, send };
}

const small = { maxFiles: 2, maxBase64Chars: 1000, maxSoloBase64Chars: 1000 };

describe('runInboxImport', () => {
  it('sends the files in batches as base64 and reports progress up to the total', async () => {
    const main = fakeMain((names) => ok(names.map((name) => accepted(name))));
    const progress: [number, number][] = [];
    const files = ['a', 'b', 'c', 'd', 'e'].map((name) => file(`${name}.qapkg`, 3));
    const report = await runInboxImport(files, {
      send: main.send,
      onProgress: (done, total) => progress.push([done, total]),
      limits: small,
    });
    expect(main.calls.map((batch) => batch.map((f) => f.name))).toEqual([
      ['a.qapkg', 'b.qapkg'],
      ['c.qapkg', 'd.qapkg'],
      ['e.qapkg'],
    ]);
    expect(main.calls[0]?.[0]?.base64).toBe(btoa('AAA'));
    expect(progress).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(report.accepted.map((item) => item.name)).toEqual(files.map((f) => f.name));
    expect(countReport(report)).toEqual({ files: 5, accepted: 5, duplicates: 0, rejected: 0, failed: 0 });
  });

  it('records a failed batch and still sends the batches after it', async () => {
    const main = fakeMain((names, call) =>
      call === 1 ? fail('E_TRANSPORT', 'down', { detail: 'down' }) : ok(names.map((name) => accepted(name))),
    );
    const report = await runInboxImport(
      ['a', 'b', 'c'].map((name) => file(name)),
      {
        send: main.send,
        onProgress: () => undefined,
        limits: small,
      },
    );
    expect(main.calls).toHaveLength(2);
    expect(report.failures).toEqual([
      { names: ['a', 'b'], error: { code: 'E_TRANSPORT', params: { detail: 'down' } } },
    ]);
    expect(report.accepted.map((item) => item.name)).toEqual(['c']);
    expect(countReport(report).failed).toBe(2);
  });

  it('turns a send that throws into a failed batch', async () => {
    const report = await runInboxImport([file('a')], {
      send: () => Promise.reject(new Error('socket closed')),
      onProgress: () => undefined,
    });
    expect(report.failures).toEqual([
      { names: ['a'], error: { code: 'E_TRANSPORT', params: { detail: 'socket closed' } } },
    ]);
  });

  it('refuses a file over the size bound without reading or sending it', async () => {
    const huge: PickedFile = {
      name: 'huge.qapkg',
      size: 2000,
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    };
    const main = fakeMain((names) => ok(names.map((name) => accepted(name))));
    const progress: number[] = [];
    const report = await runInboxImport([huge, file('ok.qapkg')], {
      send: main.send,
      onProgress: (done) => progress.push(done),
      limits: small,
    });
    expect(main.calls.flat().map((f) => f.name)).toEqual(['ok.qapkg']);
    expect(report.rejected).toEqual([
      { name: 'huge.qapkg', code: 'E_TOO_LARGE', params: { size: 2000, limit: 750 }, sha256: null },
    ]);
    expect(progress).toEqual([1, 2]);
  });

  it('reports an unreadable file and sends the rest of its batch', async () => {
    const main = fakeMain((names) => ok(names.map((name) => accepted(name))));
    const report = await runInboxImport([unreadable('gone.qapkg'), file('b.qapkg')], {
      send: main.send,
      onProgress: () => undefined,
      limits: small,
    });
    expect(main.calls.flat().map((f) => f.name)).toEqual(['b.qapkg']);
    expect(report.rejected).toEqual([
      { name: 'gone.qapkg', code: 'E_INTERNAL', params: { detail: 'gone' }, sha256: null },
    ]);
  });

  it('sorts main’s answers into accepted, duplicates and refused', async () => {
    const main = fakeMain(() =>
      ok([
        accepted('a'),
        accepted('b', 'duplicate'),
        { outcome: 'rejected', name: 'c', sha256: sha, code: 'E_SIG', params: {} },
      ]),
    );
    const report = await runInboxImport(
      ['a', 'b', 'c'].map((name) => file(name)),
      {
        send: main.send,
        onProgress: () => undefined,
      },
    );
    expect(countReport(report)).toEqual({ files: 3, accepted: 1, duplicates: 1, rejected: 1, failed: 0 });
    expect(report.rejected[0]).toMatchObject({ name: 'c', code: 'E_SIG', sha256: sha });
  });
});

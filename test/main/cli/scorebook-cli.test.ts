import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src-main/cli/scorebook-cli';
import { base64, makeSigner, officeKeys, packageFile, sheetPayload, type Signer } from '../../support/package-world';
import { shippedCriteria } from '../../support/shipped-criteria';
import { utf8Encode } from '../../../src-shared/packages/bytes';

interface Captured {
  readonly io: CliIo;
  readonly out: string[];
  readonly err: string[];
}

function io(files: Record<string, Uint8Array | string>): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: async (path) => {
        const file = files[path];
        return typeof file === 'string' ? utf8Encode(file) : file;
      },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      loadCriteria: async () => [shippedCriteria()],
    },
  };
}

let expert: Signer;
let office: { publicKeyRaw: Uint8Array; privateKeyRaw: Uint8Array };
let sealed: Uint8Array;
let registry: string;
let officeKey: string;

beforeAll(async () => {
  expert = await makeSigner('expert-1');
  office = await officeKeys();
  sealed = await packageFile(expert, 'sheet', sheetPayload(expert), { sealTo: office.publicKeyRaw });
  registry = JSON.stringify({
    format: 'scorebook.registry/1',
    keys: [{ owner: 'expert-1', publicKey: base64(expert.publicKeyRaw), revoked: false }],
  });
  officeKey = JSON.stringify({ format: 'scorebook.receiving-key/1', privateKey: base64(office.privateKeyRaw) });
});

describe('scorebook verify', () => {
  it('accepts a valid sealed score sheet and exits 0', async () => {
    const run = io({ 'p.qapkg': sealed, 'r.json': registry, 'k.json': officeKey });
    expect(await runCli(['verify', 'p.qapkg', '--registry', 'r.json', '--office-key', 'k.json'], run.io)).toBe(0);
    expect(run.out.join('\n')).toMatch(/ACCEPTED sheet issuer=expert-1 seq=1/);
    expect(run.out.join('\n')).toContain('no office state');
  });

  it('rejects a changed byte with its code, in both languages, and exits 1', async () => {
    const tampered = sealed.slice();
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 1;
    const run = io({ 'p.qapkg': tampered, 'r.json': registry, 'k.json': officeKey });
    expect(await runCli(['verify', 'p.qapkg', '--registry', 'r.json', '--office-key', 'k.json'], run.io)).toBe(1);
    expect(run.out[0]).toBe('REJECTED E_SEAL');
    expect(run.out[1]).toMatch(/无法解密/);
    expect(run.out[2]).toMatch(/cannot be opened/);
  });

  it('rejects a signer missing from the registry with E_KEY_UNKNOWN', async () => {
    const stranger = await makeSigner('expert-1');
    const file = await packageFile(stranger, 'sheet', sheetPayload(stranger), { sealTo: office.publicKeyRaw });
    const run = io({ 'p.qapkg': file, 'r.json': registry, 'k.json': officeKey });
    expect(await runCli(['verify', 'p.qapkg', '--registry', 'r.json', '--office-key', 'k.json'], run.io)).toBe(1);
    expect(run.out[0]).toBe('REJECTED E_KEY_UNKNOWN');
  });

  it('checks the recusal when the registry carries the office state', async () => {
    const withState = JSON.stringify({
      ...JSON.parse(registry),
      state: {
        cycles: [{ id: 'cycle-2026', open: true, openStages: ['material'] }],
        assignments: [
          {
            expertId: 'expert-1',
            cycleId: 'cycle-2026',
            stage: 'material',
            applicantId: 'applicant-1',
            assignmentId: 'assignment-1',
          },
        ],
        recusals: [{ expertId: 'expert-1', cycleId: 'cycle-2026', applicantId: 'applicant-1' }],
        chains: [],
        packages: [],
      },
    });
    const run = io({ 'p.qapkg': sealed, 'r.json': withState, 'k.json': officeKey });
    expect(await runCli(['verify', 'p.qapkg', '--registry', 'r.json', '--office-key', 'k.json'], run.io)).toBe(1);
    expect(run.out[0]).toBe('REJECTED E_RECUSED');
  });

  it('needs both --registry and --office-key (exit 2)', async () => {
    const run = io({ 'p.qapkg': sealed, 'r.json': registry });
    expect(await runCli(['verify', 'p.qapkg', '--registry', 'r.json'], run.io)).toBe(2);
    expect(run.err[0]).toMatch(/--office-key/);
  });
});

describe('scorebook inspect', () => {
  it('says a sealed package needs the private key and shows nothing of its content', async () => {
    const run = io({ 'p.qapkg': sealed });
    expect(await runCli(['inspect', 'p.qapkg'], run.io)).toBe(0);
    expect(run.out.join('\n')).toMatch(/sealed package/);
    expect(run.out.join('\n')).not.toContain('expert-1');
  });

  it('with the key shows kind, issuer, fingerprint, seq, whether the signature holds, and the content', async () => {
    const run = io({ 'p.qapkg': sealed, 'k.json': officeKey, 'r.json': registry });
    expect(await runCli(['inspect', 'p.qapkg', '--key', 'k.json', '--registry', 'r.json'], run.io)).toBe(0);
    const text = run.out.join('\n');
    expect(text).toMatch(/kind\s+sheet/);
    expect(text).toMatch(/issuer\s+expert-1/);
    expect(text).toMatch(/seq\s+1/);
    expect(text).toMatch(/signature\s+holds \(registry\)/);
    expect(text).toContain(expert.fingerprint.slice(0, 4).toUpperCase());
    expect(text).toContain('"items"');
  });

  it('prints help for each command and exits 2 on an unknown one', async () => {
    for (const command of ['inspect', 'verify']) {
      const run = io({});
      expect(await runCli([command, '--help'], run.io)).toBe(0);
      expect(run.out[0]).toContain(`scorebook ${command}`);
    }
    const unknown = io({});
    expect(await runCli(['sign', 'x'], unknown.io)).toBe(2);
  });
});

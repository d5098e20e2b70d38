import { errorText } from '../../src-shared/contract/error-messages';
import type { AppError } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { parseJsonStrict } from '../../src-shared/packages/jcs';
import { fingerprintOf, formatFingerprint } from '../../src-shared/packages/ed25519';
import { openPackage } from '../../src-shared/packages/open-package';
import { packageKinds } from '../../src-shared/packages/payload-schemas';
import { openSealed } from '../../src-shared/packages/seal';
import { verifyForOffice } from '../../src-shared/packages/verify-office';
import { keyLookup, officeStateOf, receivingKeyFileSchema, registryFileSchema } from './cli-files';
import { inspectPackage } from './inspect';

/** What the CLI needs from the outside world; the real process passes node:fs and the console. */
export interface CliIo {
  readFile(path: string): Promise<Uint8Array | undefined>;
  out(line: string): void;
  err(line: string): void;
  loadCriteria(): Promise<Criteria[]>;
}

/** Files above this are refused before reading them whole (a site visit with 30 photos of 3 MB fits). */
export const maxPackageBytes = 256 * 1024 * 1024;

const help = {
  main: [
    'scorebook — 质量奖评分包工具 / quality award package tool',
    '',
    'Usage:',
    '  scorebook inspect FILE [--key RECEIVING_KEY_FILE] [--registry REGISTRY_FILE]',
    '  scorebook verify FILE --registry REGISTRY_FILE --office-key RECEIVING_KEY_FILE',
    '  scorebook COMMAND --help',
    '',
    'Exit codes: 0 accepted / shown, 1 rejected (the code is printed), 2 usage or unreadable input.',
  ],
  inspect: [
    'scorebook inspect FILE [--key RECEIVING_KEY_FILE] [--registry REGISTRY_FILE]',
    '',
    'Shows the kind, issuer, signing-key fingerprint, seq and whether the signature holds.',
    'A sealed package shows its content only when --key gives the private key it was sealed to.',
    'The signature is checked against the registry when given, else against the key an enrollment',
    'or assignment carries for its own signer.',
  ],
  verify: [
    'scorebook verify FILE --registry REGISTRY_FILE --office-key RECEIVING_KEY_FILE',
    '',
    'Runs the office verification order of docs/package-format.md and prints ACCEPTED or',
    'REJECTED with the error code and its message in Chinese and English; exits 1 on rejection.',
    'Without a "state" section in the registry, cycle, assignment, recusal and version chain are not checked.',
  ],
} as const;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function reject(io: CliIo, error: Pick<AppError, 'code' | 'params'>): number {
  io.out(`REJECTED ${error.code}`);
  io.out(`  ${errorText(error, 'zh-CN')}`);
  io.out(`  ${errorText(error, 'en')}`);
  return 1;
}

async function readJson(io: CliIo, path: string | undefined, what: string): Promise<unknown> {
  if (path === undefined) return undefined;
  const bytes = await io.readFile(path);
  if (bytes === undefined) throw new Error(`cannot read ${what}: ${path}`);
  const parsed = parseJsonStrict(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(`${what} is not valid JSON: ${path}`);
  return parsed.value;
}

async function receivingKey(io: CliIo, path: string | undefined): Promise<Uint8Array | undefined> {
  const raw = await readJson(io, path, 'key file');
  if (raw === undefined) return undefined;
  const parsed = receivingKeyFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`not a receiving key file (scorebook.receiving-key/1): ${path ?? ''}`);
  return decodeBase64Strict(parsed.data.privateKey);
}

async function registry(io: CliIo, path: string | undefined) {
  const raw = await readJson(io, path, 'registry');
  if (raw === undefined) return undefined;
  const parsed = registryFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`not a registry file (scorebook.registry/1): ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

async function verify(io: CliIo, file: Uint8Array, args: readonly string[]): Promise<number> {
  const reg = await registry(io, option(args, '--registry'));
  const key = await receivingKey(io, option(args, '--office-key'));
  if (reg === undefined || key === undefined) {
    io.err('verify needs --registry and --office-key (see scorebook verify --help)');
    return 2;
  }
  const fingerprints = new Map(
    await Promise.all(
      reg.keys.map(
        async (k) => [k.publicKey, await fingerprintOf(decodeBase64Strict(k.publicKey) ?? new Uint8Array())] as const,
      ),
    ),
  );
  const opened = await openPackage(file, {
    maxFileBytes: maxPackageBytes,
    openSeal: (sealed) => openSealed(key, sealed, maxPackageBytes),
    acceptedKinds: ['sheet', 'declaration', 'pledge'],
    requireSealed: true,
    keyFor: keyLookup(reg, fingerprints),
  });
  if (!opened.ok) return reject(io, opened.error);
  if (reg.state === undefined)
    io.out('NOTE no office state in the registry: cycle, assignment, recusal and version chain not checked');
  const verdict = await verifyForOffice(opened.value, officeStateOf(reg, await io.loadCriteria()));
  if (!verdict.ok) return reject(io, verdict.error);
  const payload = opened.value.payload as { issuer: string; seq?: number };
  io.out(
    `${verdict.value.outcome === 'duplicate' ? 'DUPLICATE' : 'ACCEPTED'} ${opened.value.kind} issuer=${payload.issuer}${payload.seq === undefined ? '' : ` seq=${payload.seq}`}`,
  );
  io.out(`  key ${formatFingerprint(opened.value.keyId)}`);
  io.out(`  payload sha256 ${opened.value.payloadSha256}`);
  return 0;
}

/** Runs one CLI invocation and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, path, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    help.main.forEach((line) => io.out(line));
    return command === undefined ? 2 : 0;
  }
  if (command !== 'inspect' && command !== 'verify') {
    io.err(`unknown command: ${command}`);
    help.main.forEach((line) => io.err(line));
    return 2;
  }
  if (path === undefined || path === '--help' || path === '-h' || rest.includes('--help')) {
    help[command].forEach((line) => io.out(line));
    return path === undefined ? 2 : 0;
  }
  try {
    const file = await io.readFile(path);
    if (file === undefined) {
      io.err(`cannot read ${path}`);
      return 2;
    }
    if (command === 'verify') return await verify(io, file, rest);
    return await inspectPackage(io, file, {
      receivingKey: await receivingKey(io, option(rest, '--key')),
      registry: await registry(io, option(rest, '--registry')),
      kinds: packageKinds,
    });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

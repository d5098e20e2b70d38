import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { expertIdOf } from '../../../src-main/services/enrollment-package';
import type { AssignmentBundle } from '../../../src-shared/assignments/assignment-schema';
import { contract, type ChannelRequest } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import { packContainer, unpackContainer } from '../../../src-shared/packages/container';
import { parseEnvelope, serializeEnvelope } from '../../../src-shared/packages/dsse';
import type { EnrollmentPayload } from '../../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../../../src-shared/packages/seal';
import { makeSigner, packageFile, type Signer } from '../../support/package-world';
import { passphrase, startApp, valueOf, type Expert } from './expert-world';
import { shippedResourcesDir } from './temp-resources';

/** The office workstation over a temp data folder, driven through dispatch, and what it needs from experts. */

export const officeName = '乌鲁木齐市质量奖评审办公室';

/** A fresh office app on `dataDir` with the clock `now`; `create` makes its identity (unlocked). */
export function officeApp(dataDir: string, now: () => number) {
  const start = (): Dispatch => startApp(dataDir, now);
  const create = async (): Promise<Dispatch> => {
    const dispatch = start();
    valueOf(await dispatch('identity:create-office', { name: officeName, passphrase }));
    return dispatch;
  };
  return { start, create };
}

/** The demo's cycle as a real cycle `cycle-2026`, and its three fictional applicants. */
export const demoBundle = JSON.parse(
  readFileSync(join(shippedResourcesDir, 'demo', 'demo-cycle.json'), 'utf8'),
) as AssignmentBundle;
export const realCycle = { ...demoBundle.cycle, id: 'cycle-2026', demo: false };
export const pledgeText = '本人承诺对评审中接触到的全部材料保密，并如实申报利害关系。';

export type IssueRequest = ChannelRequest<'office:assignment-issue'>;

/** An assignment request for `expertId` (material review of every demo applicant unless patched). */
export function issueRequest(expertId: string, patch: Partial<IssueRequest> = {}): IssueRequest {
  return {
    cycle: realCycle,
    // The demo's rules, which completeSheetItems satisfies.
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText,
    stage: 'material',
    deadline: '2026-06-30',
    panelId: 'panel-a',
    expertId,
    applicants: demoBundle.applicants,
    ...patch,
  };
}

/** The expert app's enrollment package, as the expert exports it. */
export async function enrollmentOf(me: Expert): Promise<{ name: string; base64: string }> {
  const exported = contract['enrollment:export'].response.parse(valueOf(await me.dispatch('enrollment:export', {})));
  return { name: exported.fileName, base64: exported.base64 };
}

/** Imports the expert's enrollment at the office and confirms its fingerprint; returns the expert id. */
export async function register(office: Dispatch, enrollment: { name: string; base64: string }, fingerprint: string) {
  const imported = contract['office:experts-import'].response.parse(
    valueOf(await office('office:experts-import', { files: [enrollment] })),
  );
  const [record] = imported.imported;
  if (record === undefined) throw new Error(`test setup: enrollment refused ${JSON.stringify(imported.rejected)}`);
  valueOf(await office('office:expert-confirm', { expertId: record.expertId, fingerprint, confirmedBy: '王五' }));
  return record.expertId;
}

/** The office issues `request`; the answer, parsed. */
export async function issue(office: Dispatch, request: IssueRequest) {
  return contract['office:assignment-issue'].response.parse(valueOf(await office('office:assignment-issue', request)));
}

/** Imports files into the office inbox; the results, parsed. */
export async function inboxImport(office: Dispatch, files: { name: string; base64: string }[]) {
  return contract['office:inbox-import'].response.parse(valueOf(await office('office:inbox-import', { files })));
}

/**
 * An expert whose private keys the test holds (package-world's Signer): it can sign what the expert app would
 * refuse to, such as a sheet after a declared conflict.
 */
export interface HandMadeExpert {
  readonly signer: Signer;
  readonly receivingPrivateKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
  readonly enrollment: { name: string; base64: string };
}

/** An enrollment as the expert app writes it: self-signed by `signer`, whose id is the issuer. */
export function enrollmentPayload(
  signer: Signer,
  profile: EnrollmentPayload['profile'],
  receivingPublicKey: Uint8Array,
): EnrollmentPayload {
  return {
    schema: 'scorebook.enrollment/1',
    kind: 'enrollment',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: 'enrollment',
    issuer: signer.id,
    keyId: signer.fingerprint,
    createdAt: '2026-04-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    profile,
    signingPublicKey: encodeBase64(signer.publicKeyRaw),
    receivingPublicKey: encodeBase64(receivingPublicKey),
  };
}

export async function handMadeExpert(
  profile: EnrollmentPayload['profile'] = { name: '赵六', workUnit: '新疆大学', title: '', phone: '', fields: [] },
): Promise<HandMadeExpert> {
  const made = await makeSigner('pending');
  const signer = { ...made, id: expertIdOf(made.fingerprint) };
  const receiving = await generateReceivingKeyPair();
  const file = await packageFile(signer, 'enrollment', enrollmentPayload(signer, profile, receiving.publicKeyRaw));
  return {
    signer,
    receivingPrivateKey: receiving.privateKeyRaw,
    receivingPublicKey: receiving.publicKeyRaw,
    enrollment: { name: 'enrollment-赵六.qapkg', base64: encodeBase64(file) },
  };
}

/**
 * An unsealed package whose payload text had `from` replaced by `to` after signing, with the signature kept: what a
 * file edited by hand looks like (step 5, E_SIG).
 */
export function tamperedPayload(base64: string, from: string, to: string): string {
  const file = decodeBase64Strict(base64);
  const container = file === undefined ? undefined : unpackContainer(file);
  if (container === undefined || !container.ok) throw new Error('test setup: not an unsealed package');
  const envelope = parseEnvelope(container.value.envelope);
  if (!envelope.ok) throw new Error('test setup: envelope');
  const text = utf8Decode(envelope.value.payloadBytes) ?? '';
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in the payload`);
  const changed = serializeEnvelope({ ...envelope.value, payloadBytes: utf8Encode(text.replace(from, to)) });
  return encodeBase64(packContainer({ envelope: changed, blobs: [] }));
}

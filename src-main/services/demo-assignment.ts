import { z } from 'zod';
import type { AssignmentBundle } from '../../src-shared/assignments/assignment-schema';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { parseDemoBundle } from '../../src-shared/demo/validate-demo';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { buildPackage } from '../../src-shared/packages/build-package';
import { utf8Encode } from '../../src-shared/packages/bytes';
import {
  ED25519_PUBLIC_KEY_BYTES,
  fingerprintOf,
  importPrivatePkcs8,
  signEd25519,
  verifyEd25519,
} from '../../src-shared/packages/ed25519';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../src-shared/packages/uuid-v7';
import type { CryptoKeyLike } from '../../src-shared/packages/web-crypto';
import type { AssignmentMaterial } from '../../src-shared/stages/stage-setup';
import { demoMaterialPdf } from './demo-material';
import { expertIdOf } from './enrollment-package';
import { nodeSha256Hex } from './node-verify';
import type { ResourceFiles } from './resource-files';

/**
 * The embedded demo as a real assignment package: the demo bundle (resources/demo/demo-cycle.json) becomes an
 * assignment payload signed by the DEMO office key (resources/demo/demo-office-key.json) and sealed to this expert's
 * receiving key, so the demo travels the same import path as a real assignment.
 *
 * The demo office key's PRIVATE key is published with the app on purpose: anyone can sign with it. It is therefore
 * trusted for nothing but the demo: import accepts it only for a cycle marked `demo: true`, refuses it for any other
 * cycle (E_DEMO_KEY) and never pins it. Which key is the demo key is fixed here, in code, by its fingerprint — not by
 * the resource file, whose key must match it.
 */

/** SHA-256 of the demo office's raw Ed25519 public key (resources/demo/demo-office-key.json). */
export const DEMO_OFFICE_FINGERPRINT = 'aa4fbffef048d5b5fc39b19b742ddef7ece40bd0a4a9a34581d97fc4e1a65b74';

export const demoOfficeName = '示例办公室（演示）';
/** The demo office's issuer id in the payload. */
export const demoOfficeId = 'demo-office';

const demoKeyFile = 'demo/demo-office-key.json';
const demoBundleFile = 'demo/demo-cycle.json';

/**
 * The demo cycle's confidentiality pledge, after Art. 19 of the Measures (保守相关秘密、公正廉洁、利害关系回避), in
 * our own words.
 */
export const demoPledgeText = [
  '评审专家保密与公正承诺（示例）',
  '一、本人对评审中接触到的申报材料、评分、评语和评审结论严格保密，不向任何单位或个人泄露，评审结束后亦然。',
  '二、本人不复制、拍摄、转发或留存申报材料及评审资料，不将其用于评审以外的任何用途。',
  '三、本人实事求是、公正廉洁地独立评分，不接受申报组织的宴请、礼品或其他好处，不受任何人干预。',
  '四、本人与申报组织存在任职、咨询、经济往来、亲属关系或其他利害关系的，将如实申报并主动回避。',
  '五、本人如违反上述承诺，愿按《乌鲁木齐市人民政府质量奖管理办法》第十九条承担相应责任。',
].join('\n');

const base64Text = z.string().min(1).max(200);
const demoKeyFileSchema = z
  .object({
    format: z.literal('scorebook.demo-office-key/1'),
    label: z.string().min(1),
    signing: z.object({ pkcs8: base64Text, publicKey: base64Text, fingerprint: z.string() }).strict(),
    receiving: z.object({ privateKey: base64Text, publicKey: base64Text }).strict(),
  })
  .strict();

export interface DemoOfficeKey {
  readonly signingKey: CryptoKeyLike;
  readonly signingPublicKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
  readonly fingerprint: typeof DEMO_OFFICE_FINGERPRINT;
}

const invalid = (detail: string): Result<never> => fail('E_DEMO_INVALID', `demo office key: ${detail}`, { detail });

/** Reads the demo office key and checks it is the one whose fingerprint is fixed above and that its halves match. */
export async function loadDemoOfficeKey(files: ResourceFiles): Promise<Result<DemoOfficeKey>> {
  const text = await files.readText(demoKeyFile);
  if (!text.ok) return text;
  const parsed = demoKeyFileSchema.safeParse(parseJson(text.value));
  if (!parsed.success) return invalid(`${demoKeyFile} is not a scorebook.demo-office-key/1 file`);
  const { signing, receiving } = parsed.data;
  const signingPublicKey = decodeBase64Strict(signing.publicKey);
  const receivingPublicKey = decodeBase64Strict(receiving.publicKey);
  const pkcs8 = decodeBase64Strict(signing.pkcs8);
  // X25519 public keys are 32 bytes too (RFC 7748).
  const keyBytes = ED25519_PUBLIC_KEY_BYTES;
  if (signingPublicKey?.length !== keyBytes || receivingPublicKey?.length !== keyBytes || pkcs8 === undefined) {
    return invalid('keys are not canonical base64 of the right length');
  }
  if ((await fingerprintOf(signingPublicKey)) !== DEMO_OFFICE_FINGERPRINT) return invalid('not the demo office key');
  const signingKey = await importPrivatePkcs8(pkcs8, false);
  if (!signingKey.ok) return invalid('the private signing key does not import');
  const probe = utf8Encode('scorebook demo office key check');
  if (!(await verifyEd25519(signingPublicKey, await signEd25519(signingKey.value, probe), probe))) {
    return invalid('the private signing key does not match the public key');
  }
  return ok({
    signingKey: signingKey.value,
    signingPublicKey,
    receivingPublicKey,
    fingerprint: DEMO_OFFICE_FINGERPRINT,
  });
}

/** The embedded demo bundle, checked (parseDemoBundle). */
export async function loadDemoBundle(files: ResourceFiles): Promise<Result<AssignmentBundle>> {
  const text = await files.readText(demoBundleFile);
  if (!text.ok) return text;
  const raw = parseJson(text.value);
  if (raw === undefined) return fail('E_DEMO_INVALID', 'demo JSON does not parse', { detail: 'JSON' });
  return parseDemoBundle(raw);
}

export interface DemoExpert {
  /** SHA-256 of the expert's raw signing public key, lowercase hex. */
  readonly fingerprint: string;
  readonly receivingPublicKey: Uint8Array;
}

/** A demo material: what the payload lists and the bytes the container carries as its blob. */
export interface DemoMaterial {
  readonly material: AssignmentMaterial;
  readonly bytes: Uint8Array;
}

/**
 * One small generated PDF per applicant of the bundle, so every expert sees a material in the demo; the first
 * applicant's is marked commercial secret (Art. 11 (2)), so the watermark shows too. Deterministic: the same
 * bundle gives the same files.
 */
export function demoMaterials(bundle: AssignmentBundle): DemoMaterial[] {
  return bundle.applicants.map((applicant, index) => {
    const commercialSecret = index === 0;
    const bytes = demoMaterialPdf([
      'Scorebook demo - application material (fictional)',
      `Applicant: ${applicant.id}`,
      `Unified social credit code: ${applicant.uscc}`,
      commercialSecret ? 'Marked commercial secret: watermarked, no export or print.' : 'Not a commercial secret.',
      'This file exists only to show the materials viewer.',
    ]);
    const material: AssignmentMaterial = {
      applicantId: applicant.id,
      sha256: nodeSha256Hex(bytes),
      size: bytes.byteLength,
      name: `${applicant.name}-申报材料（示例）.pdf`,
      commercialSecret,
    };
    return { material, bytes };
  });
}

/** The demo assignment payload for this expert: the bundle's cycle, assignment and applicants, the demo office. */
export function demoAssignmentPayload(
  bundle: AssignmentBundle,
  office: DemoOfficeKey,
  expert: DemoExpert,
  context: { readonly nowMs: number; readonly random: (bytes: Uint8Array) => Uint8Array; readonly appVersion: string },
  materials: readonly AssignmentMaterial[],
): Result<AssignmentPayload> {
  const expertId = expertIdOf(expert.fingerprint);
  const checked = assignmentPayloadSchema.safeParse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: uuidV7(context.nowMs, context.random),
    cycleId: bundle.cycle.id,
    issuer: demoOfficeId,
    keyId: office.fingerprint,
    createdAt: new Date(context.nowMs).toISOString(),
    app: { name: 'Scorebook', version: context.appVersion },
    expertId,
    expertFingerprint: expert.fingerprint,
    cycle: { ...bundle.cycle, demo: true },
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: demoPledgeText,
    assignment: { ...bundle.assignment, expertId },
    applicants: bundle.applicants,
    office: {
      name: demoOfficeName,
      signingPublicKey: encodeBase64(office.signingPublicKey),
      receivingPublicKey: encodeBase64(office.receivingPublicKey),
    },
    materials: [...materials],
  } satisfies AssignmentPayload);
  if (!checked.success) {
    const detail = `demo assignment: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
    return fail('E_DEMO_INVALID', detail, { detail });
  }
  return ok(checked.data);
}

/** Builds the demo assignment package: signed by the demo office key, sealed to the expert's receiving key. */
export async function buildDemoAssignment(
  files: ResourceFiles,
  expert: DemoExpert,
  context: { readonly nowMs: number; readonly random: (bytes: Uint8Array) => Uint8Array; readonly appVersion: string },
): Promise<Result<{ readonly file: Uint8Array; readonly payload: AssignmentPayload }>> {
  const office = await loadDemoOfficeKey(files);
  if (!office.ok) return office;
  const bundle = await loadDemoBundle(files);
  if (!bundle.ok) return bundle;
  const materials = demoMaterials(bundle.value);
  const payload = demoAssignmentPayload(
    bundle.value,
    office.value,
    expert,
    context,
    materials.map(({ material }) => material),
  );
  if (!payload.ok) return payload;
  const built = await buildPackage({
    kind: 'assignment',
    payload: payload.value,
    keyId: office.value.fingerprint,
    sign: async (message) => ok(await signEd25519(office.value.signingKey, message)),
    blobs: materials.map(({ bytes }) => bytes),
    sealToPublicKey: expert.receivingPublicKey,
    sha256Hex: nodeSha256Hex,
  });
  if (!built.ok) return built;
  return ok({ file: built.value.file, payload: payload.value });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

import { createHash, createPrivateKey } from 'node:crypto';
import { maxPackageBytes } from '../src-main/cli/scorebook-cli';
import { expertIdOf } from '../src-main/services/enrollment-package';
import { createNodeUnsealer } from '../src-main/services/node-hpke';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../src-main/services/node-verify';
import type { Result } from '../src-shared/contract/result';
import type { Criteria } from '../src-shared/criteria/criteria-schema';
import { allItems } from '../src-shared/criteria/load-criteria';
import { buildPackage, type BuiltPackage } from '../src-shared/packages/build-package';
import { sha256Hex } from '../src-shared/packages/bytes';
import { fingerprintOf, importPrivatePkcs8 } from '../src-shared/packages/ed25519';
import { canonicalBytes } from '../src-shared/packages/jcs';
import {
  openPackage,
  type OpenOptions,
  type OpenedPackage,
  type RegisteredKey,
} from '../src-shared/packages/open-package';
import { sheetPayloadSchema, type SheetPayload } from '../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair, openSealed } from '../src-shared/packages/seal';
import { uuidV7 } from '../src-shared/packages/uuid-v7';
import { verifyForOffice, type OfficeVerdict } from '../src-shared/packages/verify-office';
import { sheetContent, type SubmitComment, type SubmitItem } from '../src-shared/scoring/submit-validation';
import { memoryOffice, registered, signWith, type MemoryOffice, type Signer } from '../test/support/package-world';
import { shippedCriteria } from '../test/support/shipped-criteria';
import { seededRandom } from './seeded-random';

/**
 * Realistic signed sheets for the package benchmark (issue 3 item 12) and its unit test: every sheet
 * scores all 23 items of GB/T 19580 with 3–5 Chinese comments each, from distinct experts about
 * distinct applicants, so the office checks look things up as they would in a real cycle.
 * Content and keys come from a seed: two runs sign the same payload bytes (the seal's ephemeral key
 * is fresh every time, as RFC 9180 requires, so the sealed files differ).
 */

const benchPackageCycle = {
  cycleId: 'bench-2026',
  stage: 'material',
  assignmentId: 'bench-2026-material-1',
} as const;

/** Every 10th package revises the sheet of 5 packages earlier (seq 2), so step 9 also sees prevHash chains. */
const REVISION_EVERY = 10;
const REVISION_DISTANCE = 5;

// Clauses written for this benchmark in the style of GB/T 19580 review comments (20–40 characters each).
const strengthClauses = [
  '高层领导每季度主持经营分析会，对战略目标的达成情况逐项评审并形成改进决议',
  '组织建立了覆盖研发、生产和服务全过程的质量目标分解体系，目标逐级落实到班组',
  '顾客满意度测评采用第三方调查与自主回访相结合的方式，近三年测评方法保持一致',
  '关键过程均识别了过程要求和监测指标，并通过信息系统实现数据的实时采集',
  '员工培训按岗位能力矩阵制定年度计划，培训效果评估覆盖反应、学习和行为三个层次',
  '供应商分级管理制度完善，对关键原材料供应商每年开展现场审核和绩效评价',
  '近三年主营业务收入年均增长百分之十二，利润率持续高于行业平均水平',
  '安全生产和环境排放指标连续五年达到或优于法规要求，并纳入各部门绩效考核',
  '知识管理平台收录了典型质量问题案例，新员工入职三个月内须完成案例学习',
  '近两年获得发明专利授权十余项，其中多项已在主导产品中实现产业化应用',
];
const ofiClauses = [
  '战略目标与关键绩效指标之间的对应关系尚不清晰，部分指标缺少明确的目标值',
  '未能提供竞争对手和标杆组织的对比数据，难以判断绩效水平在行业中的位置',
  '顾客投诉处理的闭环管理有待加强，申报材料中未见投诉原因的系统分析',
  '过程改进主要依靠问题驱动，缺少基于数据分析的主动改进机制',
  '员工满意度调查仅覆盖管理人员，一线员工的意见未能得到系统收集',
  '部分结果指标只有一至两年的数据，无法反映绩效的变化趋势',
  '风险管理尚停留在安全和财务领域，经营风险的识别和应对未形成制度',
  '各信息系统之间的数据未能互联互通，影响了绩效分析的及时性和准确性',
  '创新激励措施以奖励为主，缺少对创新失败的容错机制和经验总结',
  '供方绩效评价结果未与采购份额调整相挂钩，评价的作用未能充分发挥',
];
const openers = ['', '经现场核实，', '据申报材料所述，', '从抽查的记录看，', '访谈中了解到，'];
const refs = ['现场访谈', '质量手册第4章', '2025年度管理评审报告', '顾客满意度调查报告', '附件3'];

const pick = <T>(list: readonly T[], random: () => number): T => {
  const value = list[Math.floor(random() * list.length)];
  // The index is below the length by construction; the check only satisfies noUncheckedIndexedAccess.
  if (value === undefined) throw new Error('empty fixture list');
  return value;
};

/** A comment of 60–150 characters: an opener and clauses joined until the drawn length is reached. */
function comment(clauses: readonly string[], random: () => number): SubmitComment {
  const wanted = 60 + Math.floor(random() * 91);
  let text = pick(openers, random) + pick(clauses, random);
  for (;;) {
    const next = pick(clauses, random);
    if (text.length >= wanted || text.length + next.length + 2 > 150) break;
    text += `；${next}`;
  }
  while (text.length < 60) text += '，详见申报材料相关章节及支撑性记录';
  const page = random() < 0.75 ? 1 + Math.floor(random() * 320) : null;
  return { text: `${text.slice(0, 149)}。`, page, ref: page === null ? pick(refs, random) : '' };
}

/** One sheet's items: percents of 30–70 % in the criteria's steps, 3–5 comments, at least one of each kind. */
function sheetItems(criteria: Criteria, random: () => number): Map<string, SubmitItem> {
  const items = new Map<string, SubmitItem>();
  for (const item of allItems(criteria)) {
    const count = 3 + Math.floor(random() * 3);
    const strengths = 1 + Math.floor(random() * (count - 1));
    const steps = Math.floor(40 / criteria.percentStep) + 1;
    items.set(item.id, {
      percent: 30 + Math.floor(random() * steps) * criteria.percentStep,
      strengths: Array.from({ length: strengths }, () => comment(strengthClauses, random)),
      ofis: Array.from({ length: count - strengths }, () => comment(ofiClauses, random)),
    });
  }
  return items;
}

/** An Ed25519 signer from a 32-byte seed: PKCS#8 of RFC 8410 §7 is a fixed 16-byte prefix and the seed. */
async function seededSigner(label: string): Promise<Signer> {
  const seed = createHash('sha256').update(label).digest();
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = await importPrivatePkcs8(new Uint8Array(pkcs8), false);
  if (!privateKey.ok) throw new Error(`fixture key ${label}: ${privateKey.error.message}`);
  const jwk = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
  const publicKeyRaw = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  const fingerprint = await fingerprintOf(publicKeyRaw);
  return { id: expertIdOf(fingerprint), privateKey: privateKey.value, publicKeyRaw, fingerprint };
}

export interface PlannedSheet {
  readonly expert: Signer;
  readonly payload: SheetPayload;
}

export interface PackageWorld {
  readonly criteria: Criteria;
  readonly experts: readonly Signer[];
  readonly registry: ReadonlyMap<string, RegisteredKey>;
  readonly office: { readonly publicKeyRaw: Uint8Array; readonly privateKeyRaw: Uint8Array };
  readonly sheets: readonly PlannedSheet[];
  /** Assigned (expert, applicant) pairs, and a few other pairs the experts recused from. */
  readonly assigned: readonly (readonly [string, string])[];
  readonly recused: readonly (readonly [string, string])[];
}

/**
 * `count` sheet payloads from `experts` experts over `applicants` applicants, each (expert, applicant) pair
 * once, plus a revision every {@link REVISION_EVERY} packages. Each payload is parsed with the app's sheet
 * schema, as the submit handler does before signing (src-main/handlers/sheet-handlers.ts).
 */
export async function buildPackageWorld(count: number, seed = 19580, experts = 25, applicants = 50) {
  const criteria = shippedCriteria();
  const random = seededRandom(seed);
  const signers = await Promise.all(Array.from({ length: experts }, (_, i) => seededSigner(`bench-expert-${i}`)));
  const applicantId = (pair: number) => `bench-applicant-${(Math.floor(pair / experts) % applicants) + 1}`;
  const expertOf = (pair: number): Signer => {
    const signer = signers[pair % experts];
    if (signer === undefined) throw new Error('no experts');
    return signer;
  };
  const assignmentHash = createHash('sha256').update(benchPackageCycle.assignmentId).digest('hex');
  const sheets: PlannedSheet[] = [];
  let pairs = 0;
  for (let k = 0; k < count; k += 1) {
    const earlier = k % REVISION_EVERY === REVISION_EVERY - 1 ? sheets[k - REVISION_DISTANCE] : undefined;
    if (earlier === undefined && pairs >= experts * applicants) throw new Error('more packages than pairs');
    const expert = earlier?.expert ?? expertOf(pairs);
    const content = sheetContent(criteria, sheetItems(criteria, random));
    const prev = earlier === undefined ? undefined : canonicalBytes(earlier.payload);
    if (prev !== undefined && !prev.ok) throw new Error(prev.error.message);
    const at = Date.parse('2026-05-10T08:00:00.000Z') + k * 37_000;
    const payload = sheetPayloadSchema.parse({
      schema: 'scorebook.sheet/1',
      kind: 'sheet',
      packageId: uuidV7(at, (bytes) => bytes.map(() => Math.floor(random() * 256))),
      cycleId: benchPackageCycle.cycleId,
      issuer: expert.id,
      keyId: expert.fingerprint,
      createdAt: new Date(at).toISOString(),
      app: { name: 'Scorebook', version: 'bench' },
      stage: benchPackageCycle.stage,
      applicantId: earlier?.payload.applicantId ?? applicantId(pairs),
      assignmentId: benchPackageCycle.assignmentId,
      assignmentHash,
      seq: earlier === undefined ? 1 : earlier.payload.seq + 1,
      prevHash: prev === undefined ? null : await sha256Hex(prev.value),
      criteria: { id: criteria.id, version: criteria.version },
      items: content.items,
      totals: content.totals,
      attachments: [],
      revisionReason: earlier === undefined ? null : '复核申报材料后调整了部分评分项的得分率',
    } satisfies SheetPayload);
    if (earlier === undefined) pairs += 1;
    sheets.push({ expert, payload });
  }
  const pairOf = (pair: number) => [expertOf(pair).id, applicantId(pair)] as const;
  return {
    criteria,
    experts: signers,
    registry: new Map(signers.map((s) => [s.fingerprint, registered(s)])),
    office: await generateReceivingKeyPair(),
    sheets,
    assigned: Array.from({ length: pairs }, (_, p) => pairOf(p)),
    recused: Array.from({ length: Math.min(experts, experts * applicants - pairs) }, (_, i) => pairOf(pairs + i)),
  } satisfies PackageWorld;
}

/** Signs with the expert's Ed25519 key and seals to the office, as the submit handler does (package-signing.ts). */
export async function signAndSeal(world: PackageWorld, sheet: PlannedSheet): Promise<Result<BuiltPackage>> {
  return buildPackage({
    kind: 'sheet',
    payload: sheet.payload,
    keyId: sheet.payload.keyId,
    sign: signWith(sheet.expert),
    sealToPublicKey: world.office.publicKeyRaw,
  });
}

/** A fresh office that knows the cycle, the assignments and the recusals, and has accepted nothing yet. */
export function officeFor(world: PackageWorld): MemoryOffice {
  const office = memoryOffice();
  const { cycleId, stage, assignmentId } = benchPackageCycle;
  office.cycles.set(cycleId, { open: true, openStages: [stage] });
  for (const [expertId, applicantId] of world.assigned) {
    office.assignments.add([expertId, cycleId, stage, applicantId, assignmentId].join('|'));
  }
  for (const [expertId, applicantId] of world.recused) office.recusals.add([expertId, cycleId, applicantId].join('|'));
  return office;
}

/** How the office reader unseals and verifies: main's node:crypto path, or src-shared's WebCrypto path alone. */
export type OfficeCrypto = 'node' | 'webcrypto';

/**
 * The office reader's options (as the CLI's `verify`): sealed only, the office's kinds, the registry decides. Build them
 * once per run, as an office import would for a batch:
 * - `node` (the default; what main runs): node-hpke's unsealer, made once from the office's receiving key, and
 *   node:crypto Ed25519 (signing keys imported once per run) and SHA-256, all synchronous;
 * - `webcrypto` (context: what a reader with src-shared alone does): `openSealed` (@hpke/core on WebCrypto) with the
 *   raw private key, and the registered key imported again for every signature.
 */
export function officeOpenOptions(world: PackageWorld, crypto: OfficeCrypto = 'node'): OpenOptions {
  const common = {
    maxFileBytes: maxPackageBytes,
    requireSealed: true,
    acceptedKinds: ['sheet', 'declaration', 'pledge'] as const,
    keyFor: (fingerprint: string) => world.registry.get(fingerprint),
  };
  if (crypto === 'webcrypto') {
    return { ...common, openSeal: (sealed) => openSealed(world.office.privateKeyRaw, sealed, maxPackageBytes) };
  }
  const unsealer = createNodeUnsealer(world.office.privateKeyRaw);
  if (!unsealer.ok) throw new Error(`office receiving key: ${unsealer.error.message}`);
  return {
    ...common,
    openSeal: (sealed) => unsealer.value.open(sealed, maxPackageBytes),
    signatureVerifier: createNodeSignatureVerifier(),
    sha256Hex: nodeSha256Hex,
  };
}

/** Step 12's bookkeeping in memory (the archive is not written): the id is known and the chain advances. */
export function recordAccepted(office: MemoryOffice, opened: OpenedPackage, verdict: OfficeVerdict): void {
  const payload = opened.payload as SheetPayload;
  office.packages.set(payload.packageId, opened.payloadSha256);
  if (verdict.outcome === 'accept' && verdict.chainKey !== null && verdict.seq !== null) {
    office.heads.set(verdict.chainKey, { seq: verdict.seq, payloadSha256: opened.payloadSha256 });
  }
}

/**
 * The whole office pipeline for one file: steps 1–7 (openPackage), 8–11 (verifyForOffice), then bookkeeping. Pass the
 * options built once for a run; the default builds them for this one file.
 */
export async function verifyAtOffice(
  world: PackageWorld,
  office: MemoryOffice,
  file: Uint8Array,
  options: OpenOptions = officeOpenOptions(world),
): Promise<Result<OfficeVerdict>> {
  const opened = await openPackage(file, options);
  if (!opened.ok) return opened;
  const verdict = await verifyForOffice(opened.value, office);
  if (verdict.ok) recordAccepted(office, opened.value, verdict.value);
  return verdict;
}

/** Throws unless the verdict accepted the package: the benchmark must never time a broken pipeline. */
export function requireAccepted(verdict: Result<OfficeVerdict>, index: number): void {
  if (verdict.ok && verdict.value.outcome === 'accept') return;
  const why = verdict.ok ? verdict.value.outcome : `${verdict.error.code} ${verdict.error.message}`;
  throw new Error(`package ${index} was not accepted: ${why}`);
}

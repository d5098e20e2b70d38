import { z } from 'zod';
import { stageSchema } from '../../src-shared/assignments/assignment-schema';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import type { RegisteredKey } from '../../src-shared/packages/open-package';
import type { ChainHead, OfficeState } from '../../src-shared/packages/verify-office';
import { chainKeyOf } from '../../src-shared/packages/verify-office';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';

const base64Key = z.string().refine((text) => decodeBase64Strict(text)?.byteLength === 32, 'a 32-byte key in base64');

/** Version 1 of the registry file the CLI verifies against: the keys, and optionally the office's state. */
export const registryFileSchema = z
  .object({
    format: z.literal('scorebook.registry/1'),
    keys: z.array(z.object({ owner: z.string().min(1), publicKey: base64Key, revoked: z.boolean() }).strict()),
    state: z
      .object({
        cycles: z.array(z.object({ id: z.string(), open: z.boolean(), openStages: z.array(stageSchema) }).strict()),
        assignments: z.array(
          z
            .object({
              expertId: z.string(),
              cycleId: z.string(),
              stage: stageSchema,
              applicantId: z.string(),
              assignmentId: z.string(),
            })
            .strict(),
        ),
        recusals: z.array(z.object({ expertId: z.string(), cycleId: z.string(), applicantId: z.string() }).strict()),
        chains: z.array(
          z
            .object({
              kind: z.enum(['sheet', 'declaration']),
              issuer: z.string(),
              cycleId: z.string(),
              stage: stageSchema,
              applicantId: z.string(),
              seq: z.number().int().min(1),
              payloadSha256: z.string(),
            })
            .strict(),
        ),
        packages: z.array(z.object({ packageId: z.string(), payloadSha256: z.string() }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RegistryFile = z.infer<typeof registryFileSchema>;

/** A receiving (X25519) private key for automation: keep such a file offline, it opens every package. */
export const receivingKeyFileSchema = z
  .object({ format: z.literal('scorebook.receiving-key/1'), privateKey: base64Key })
  .strict();

/** The registry's keys by fingerprint. */
export function keyLookup(
  registry: RegistryFile,
  fingerprints: ReadonlyMap<string, string>,
): (fp: string) => RegisteredKey | undefined {
  return (fingerprint) => {
    const entry = registry.keys.find((k) => fingerprints.get(k.publicKey) === fingerprint);
    const raw = entry === undefined ? undefined : decodeBase64Strict(entry.publicKey);
    return entry === undefined || raw === undefined
      ? undefined
      : { publicKeyRaw: raw, owner: entry.owner, revoked: entry.revoked };
  };
}

/**
 * The office state as the registry file gives it. Without a `state` section every cycle and stage
 * counts as open and every expert as assigned: the caller says so plainly in its output.
 */
export function officeStateOf(registry: RegistryFile, criteria: readonly Criteria[]): OfficeState {
  const state = registry.state;
  const heads = new Map<string, ChainHead>(
    (state?.chains ?? []).map((c) => [chainKeyOf(c), { seq: c.seq, payloadSha256: c.payloadSha256 }]),
  );
  return {
    cycleOpen: (cycleId) => (state === undefined ? true : state.cycles.find((c) => c.id === cycleId)?.open),
    stageOpen: (cycleId, stage) =>
      state === undefined || (state.cycles.find((c) => c.id === cycleId)?.openStages.includes(stage) ?? false),
    isAssigned: (expertId, cycleId, stage, applicantId, assignmentId) =>
      state === undefined ||
      state.assignments.some(
        (a) =>
          a.expertId === expertId &&
          a.cycleId === cycleId &&
          a.stage === stage &&
          a.applicantId === applicantId &&
          a.assignmentId === assignmentId,
      ),
    isRecused: (expertId, cycleId, applicantId) =>
      state?.recusals.some((r) => r.expertId === expertId && r.cycleId === cycleId && r.applicantId === applicantId) ??
      false,
    knownPackage: (packageId) => state?.packages.find((p) => p.packageId === packageId)?.payloadSha256,
    chainHead: (chainKey) => heads.get(chainKey),
    criteria: (criteriaId) => criteria.find((c) => c.id === criteriaId),
  };
}

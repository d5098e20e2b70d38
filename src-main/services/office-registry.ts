import { z } from 'zod';
import { expertRecordSchema, type ExpertRecord } from '../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import type { RegisteredKey } from '../../src-shared/packages/open-package';
import type { EnrollmentPayload } from '../../src-shared/packages/payload-schemas';
import { createJsonStore, type JsonStore } from './json-store';
import type { SecretFile } from './secret-file';

/**
 * The office's key registry (docs/package-format.md §7.3, §7.5) in `<dataDir>/office/experts.json`: one record per
 * enrolled signing key. A key is trusted for packages only once a person confirmed its fingerprint with the expert
 * (`confirmed`); a revoked key stays listed with its reason, so every later package signed with it is refused with
 * E_KEY_REVOKED rather than E_KEY_UNKNOWN. The functions here are pure: the handlers run them inside the store's
 * one-change-at-a-time update.
 */

export const expertRegistryFormat = 'scorebook.office-experts/1';

export const expertRegistrySchema = z
  .object({
    format: z.literal(expertRegistryFormat),
    experts: z.array(expertRecordSchema).max(100_000),
  })
  .strict()
  .refine((file) => new Set(file.experts.map((e) => e.fingerprint)).size === file.experts.length, {
    message: 'a fingerprint repeats',
  })
  .refine((file) => new Set(file.experts.map((e) => e.expertId)).size === file.experts.length, {
    message: 'an expert id repeats',
  });
export type ExpertRegistry = z.infer<typeof expertRegistrySchema>;

export const emptyExpertRegistry: ExpertRegistry = { format: expertRegistryFormat, experts: [] };

export type ExpertRegistryStore = JsonStore<ExpertRegistry>;

/** The registry grows by about a kilobyte per expert; 32 MiB is far beyond any office. */
export const maxRegistryBytes = 32 * 1024 * 1024;

export function createExpertRegistryStore(file: SecretFile, fileName: string): ExpertRegistryStore {
  return createJsonStore(file, {
    fileName,
    label: 'expert registry',
    format: expertRegistryFormat,
    schema: expertRegistrySchema,
    empty: emptyExpertRegistry,
  });
}

export function findExpert(registry: ExpertRegistry, expertId: string): ExpertRecord | undefined {
  return registry.experts.find((expert) => expert.expertId === expertId);
}

export function unknownExpert(expertId: string): Result<never> {
  return fail('E_EXPERT_UNKNOWN', `no expert ${expertId} in the registry`, { expertId });
}

/** A verified enrollment as a new, pending record; the same key (or the same expert id) again is a duplicate. */
export function enrol(
  registry: ExpertRegistry,
  enrollment: EnrollmentPayload,
  enrolledAt: string,
): Result<{ next: ExpertRegistry; record: ExpertRecord }> {
  const existing = registry.experts.find((e) => e.fingerprint === enrollment.keyId || e.expertId === enrollment.issuer);
  if (existing !== undefined) {
    return fail('E_EXPERT_DUPLICATE', `${existing.expertId} is registered`, {
      name: existing.profile.name,
      fingerprint: existing.fingerprint,
    });
  }
  const record: ExpertRecord = {
    expertId: enrollment.issuer,
    profile: enrollment.profile,
    fingerprint: enrollment.keyId,
    signingPublicKey: enrollment.signingPublicKey,
    receivingPublicKey: enrollment.receivingPublicKey,
    enrollmentPackageId: enrollment.packageId,
    enrolledAt,
    status: 'pending',
    confirmedBy: null,
    confirmedAt: null,
    revokedAt: null,
    revokeReason: null,
  };
  return ok({ next: { ...registry, experts: [...registry.experts, record] }, record });
}

/** The registry with `record` in place of the record of the same expert id. */
export function withRecord(registry: ExpertRegistry, record: ExpertRecord): ExpertRegistry {
  return { ...registry, experts: registry.experts.map((e) => (e.expertId === record.expertId ? record : e)) };
}

/**
 * Confirms the fingerprint a person compared with the expert: the full fingerprint must be the registered one. A
 * revoked key cannot be confirmed again (the expert enrols a new key); a confirmed one stays as first confirmed.
 */
export function confirmed(
  record: ExpertRecord,
  fingerprint: string,
  confirmedBy: string,
  at: string,
): Result<ExpertRecord> {
  if (fingerprint !== record.fingerprint) {
    return fail('E_FINGERPRINT_MISMATCH', `fingerprint of ${record.expertId} does not match`);
  }
  if (record.status === 'revoked') return revokedKey(record);
  if (record.status === 'confirmed') return ok(record);
  const by = confirmedBy.trim();
  if (by === '') return fail('E_BAD_REQUEST', 'confirmedBy is blank', { detail: 'confirmedBy: a person’s name' });
  return ok({ ...record, status: 'confirmed', confirmedBy: by, confirmedAt: at });
}

/** Revokes the key; a revoked key keeps its first revocation time and reason. */
export function revoked(record: ExpertRecord, reason: string, at: string): Result<ExpertRecord> {
  if (record.status === 'revoked') return ok(record);
  const why = reason.trim();
  if (why === '') return fail('E_BAD_REQUEST', 'reason is blank', { detail: 'reason: why the key is revoked' });
  return ok({ ...record, status: 'revoked', revokedAt: at, revokeReason: why });
}

export function revokedKey(record: ExpertRecord): Result<never> {
  return fail('E_KEY_REVOKED', `key of ${record.expertId} revoked`, { keyId: record.fingerprint });
}

/**
 * The keys the inbox trusts, by fingerprint (step 4): confirmed experts' keys, and revoked ones marked revoked so
 * their packages are E_KEY_REVOKED. A pending key is not there (E_KEY_UNKNOWN): until a person confirmed it, the
 * enrollment proves only that someone holds the key.
 */
export function trustedKeys(registry: ExpertRegistry): Map<string, RegisteredKey> {
  const keys = new Map<string, RegisteredKey>();
  for (const expert of registry.experts) {
    if (expert.status === 'pending') continue;
    const publicKeyRaw = decodeBase64Strict(expert.signingPublicKey);
    if (publicKeyRaw === undefined) continue;
    keys.set(expert.fingerprint, { publicKeyRaw, owner: expert.expertId, revoked: expert.status === 'revoked' });
  }
  return keys;
}

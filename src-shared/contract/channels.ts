import { z } from 'zod';
import { assignmentBundleSchema } from '../assignments/assignment-schema';
import { criteriaFileSchema } from '../criteria/criteria-schema';
import { assignmentPayloadSchema, conflictGroundSchema, expertProfileSchema } from '../packages/payload-schemas';
import type { ChannelName } from './channel-names';
import {
  confirmRequestSchema,
  quickUnlockStatusSchema,
  saveToFolderRequestSchema,
  saveToFolderResultSchema,
} from './platform-schemas';
import { officeContract } from './office-channels';
import { receiptImportSchema } from './receipt-schemas';
import { stageContract } from './stage-channels';
import { stageWorkSchema } from '../stages/stage-work';

const empty = z.object({}).strict();

export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    transport: z.enum(['electron', 'web']),
    /** Where main keeps its files (keys, archives, settings) for this installation or host port. */
    dataDir: z.string(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

export const criteriaSummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    standard: z.string(),
    name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  })
  .strict();
export type CriteriaSummary = z.infer<typeof criteriaSummarySchema>;

/** Where this installation's identity stands; never carries key material beyond public fingerprints. */
export const identityStatusSchema = z
  .object({
    state: z.enum(['none', 'locked', 'unlocked', 'corrupt']),
    /** Whether this installation is an expert's or the award office's workstation; null before a key file exists. */
    role: z.enum(['expert', 'office']).nullable(),
    /** The expert's profile (expert role only). */
    profile: expertProfileSchema.nullable(),
    /** The office's name (office role only). */
    officeName: z.string().nullable(),
    /** SHA-256 of the raw Ed25519 public key, lowercase hex. */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    /** Minutes without input before the app locks itself (a setting, default 15). */
    idleMinutes: z.number().int().min(1).max(240),
  })
  .strict();
export type IdentityStatus = z.infer<typeof identityStatusSchema>;

const passphrase = z.string().min(1).max(1000);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** A package file as base64: at most 64 MiB of text (48 MiB of file); main checks it is canonical base64. */
const packageFileRequest = z
  .object({
    base64: z
      .string()
      .min(1)
      .max(64 * 1024 * 1024),
  })
  .strict();

/**
 * An assignment file as base64: it carries the applicants' PDFs (issue 5), so up to 120 MiB of text (90 MiB of
 * file), within the web host's 128 MiB body for file channels.
 */
const assignmentFileRequest = z
  .object({
    base64: z
      .string()
      .min(1)
      .max(120 * 1024 * 1024),
  })
  .strict();

/** An imported assignment: the verified payload, the SHA-256 of its exact bytes and how the office key stands. */
export const assignmentImportSchema = z
  .object({
    payload: assignmentPayloadSchema,
    /** SHA-256 of the exact signed payload bytes: the `assignmentHash` of the sheets made from it. */
    assignmentHash: hex64,
    /** The fingerprint of the office key that signed it, shown for the expert to compare with the office. */
    officeFingerprint: hex64,
    /** `new`: this key is now pinned; `same`: the pinned key signed it; `demo`: the demo key (never pinned). */
    pinned: z.enum(['new', 'same', 'demo']),
  })
  .strict();
export type AssignmentImport = z.infer<typeof assignmentImportSchema>;

/** The pinned office signing key and the keys it replaced (only public fingerprints and times). */
export const officePinStatusSchema = z
  .object({
    fingerprint: hex64.nullable(),
    pinnedAt: z.string().nullable(),
    history: z.array(z.object({ fingerprint: hex64, pinnedAt: z.string(), replacedAt: z.string() }).strict()),
  })
  .strict();
export type OfficePinStatus = z.infer<typeof officePinStatusSchema>;

const sheetCommentSchema = z
  .object({ text: z.string().max(20_000), page: z.number().int().positive().nullable(), ref: z.string().max(200) })
  .strict();

/** A package main signed (and sealed to the office): the file to export and what identifies it. */
export const signedPackageSchema = z
  .object({
    packageId: z.string(),
    fileName: z.string(),
    base64: z.string(),
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
    seq: z.number().int().min(1).nullable(),
  })
  .strict();
export type SignedPackage = z.infer<typeof signedPackageSchema>;

/** Where an assignment stands in main's records: the pledge of its cycle and the latest declaration per applicant. */
export const assignmentStatusSchema = z
  .object({
    pledged: z.boolean(),
    declarations: z.array(
      z
        .object({
          applicantId: z.string(),
          conflict: z.boolean(),
          seq: z.number().int().min(1),
          declaredAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

/**
 * The host contract: channel → request and response schemas. Both transports (Electron IPC
 * and the local web host) bind exactly these channels; the renderer's client is typed from it.
 */
export const contract = {
  'app:info': { request: empty, response: appInfoSchema },
  'criteria:list': { request: empty, response: z.array(criteriaSummarySchema) },
  'criteria:get': { request: z.object({ id: z.string().min(1).max(100) }).strict(), response: criteriaFileSchema },
  'demo:get': { request: empty, response: assignmentBundleSchema },
  'identity:status': { request: empty, response: identityStatusSchema },
  'identity:create': {
    request: z.object({ profile: expertProfileSchema, passphrase }).strict(),
    response: identityStatusSchema,
  },
  /** Makes this installation the award office's workstation: its own passphrase and signing/receiving keys. */
  'identity:create-office': {
    request: z.object({ name: z.string().min(1).max(100), passphrase }).strict(),
    response: identityStatusSchema,
  },
  'identity:unlock': { request: z.object({ passphrase }).strict(), response: identityStatusSchema },
  'identity:lock': { request: empty, response: identityStatusSchema },
  'identity:change-passphrase': {
    request: z.object({ oldPassphrase: passphrase, newPassphrase: passphrase }).strict(),
    response: identityStatusSchema,
  },
  'settings:set-idle-minutes': {
    request: z.object({ idleMinutes: z.number().int().min(1).max(240) }).strict(),
    response: identityStatusSchema,
  },
  /** A self-signed enrollment package (profile + both public keys) for the office, as file bytes. */
  'enrollment:export': {
    request: empty,
    response: z.object({ fileName: z.string(), base64: z.string(), fingerprint: z.string() }).strict(),
  },
  /** Imports an office-signed assignment sealed to this expert; pins the office key at the first import. */
  'assignments:import': { request: assignmentFileRequest, response: assignmentImportSchema },
  /** Imports like assignments:import, but a different office key replaces the pin (the expert confirmed it). */
  'assignments:repin': { request: assignmentFileRequest, response: assignmentImportSchema },
  'office:pin': { request: empty, response: officePinStatusSchema },
  /** Main's record of an imported assignment: pledge signed, latest declaration per applicant (a conflict recuses). */
  'assignments:status': {
    request: z.object({ assignmentId: z.string().min(1).max(200) }).strict(),
    response: assignmentStatusSchema,
  },
  /** Signs the cycle's pledge (保密承诺) for this assignment and seals it to the office. */
  'packages:sign-pledge': {
    request: z.object({ assignmentId: z.string().min(1).max(200) }).strict(),
    response: signedPackageSchema,
  },
  /**
   * Signs a conflict-of-interest declaration for one applicant, before anything of it is shown (Art. 19). A
   * declaration is never changed: a correction is the next version with a reason. A conflict recuses the expert.
   */
  'packages:sign-declaration': {
    request: z
      .object({
        assignmentId: z.string().min(1).max(200),
        applicantId: z.string().min(1).max(200),
        conflict: z.boolean(),
        grounds: z.array(z.object({ ground: conflictGroundSchema, text: z.string().max(2000) }).strict()).max(6),
        correctionReason: z.string().max(2000).nullable(),
      })
      .strict(),
    response: signedPackageSchema,
  },
  /**
   * Signs a score sheet: main re-validates it against the criteria and the cycle's comment rules, takes the next
   * seq and prevHash of the chain, signs, seals to the office and archives. Refused for a recused applicant.
   */
  'packages:sign-sheet': {
    request: z
      .object({
        assignmentId: z.string().min(1).max(200),
        applicantId: z.string().min(1).max(200),
        items: z
          .array(
            z
              .object({
                itemId: z.string().min(1).max(50),
                percent: z.number().int().min(0).max(100).multipleOf(5).nullable(),
                strengths: z.array(sheetCommentSchema).max(50),
                ofis: z.array(sheetCommentSchema).max(50),
              })
              .strict(),
          )
          .max(200),
        /** Required from the second version on: why this revision replaces the submitted one. */
        revisionReason: z.string().max(2000).nullable(),
        /** The stage's work (issue 5); its evidence files travel as attachments from main's store. */
        work: stageWorkSchema,
      })
      .strict(),
    response: signedPackageSchema,
  },
  /**
   * Verifies the office's receipts (a receipts file or a single receipt package) with the pinned office key and
   * archives the ones that verify; the outbox marks the packages they answer confirmed.
   */
  'receipts:import': { request: packageFileRequest, response: receiptImportSchema },
  /** The embedded demo as a real assignment package: signed with the public demo office key, sealed to this expert. */
  'demo:assignment': { request: empty, response: z.object({ base64: z.string() }).strict() },
  /** A native confirmation dialog (desktop app; the web host answers E_NOT_AVAILABLE and the page asks itself). */
  'dialog:confirm': { request: confirmRequestSchema, response: z.object({ confirmed: z.boolean() }).strict() },
  /** Writes package files into a folder picked in a native dialog (desktop app); never replaces a file. */
  'files:save-to-folder': { request: saveToFolderRequestSchema, response: saveToFolderResultSchema },
  /** Quick unlock through the OS keychain (desktop app, never Linux's basic_text store). */
  'identity:quick-unlock-status': { request: empty, response: quickUnlockStatusSchema },
  /** Stores a keychain-encrypted copy of the passphrase, after checking it opens the key file. */
  'identity:quick-unlock-enable': { request: z.object({ passphrase }).strict(), response: quickUnlockStatusSchema },
  'identity:quick-unlock-disable': { request: empty, response: quickUnlockStatusSchema },
  /** Unlocks with the keychain's copy of the passphrase. */
  'identity:quick-unlock': { request: empty, response: identityStatusSchema },
  ...officeContract,
  ...stageContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelRequest<C extends Channel> = z.input<Contract[C]['request']>;
export type ChannelResponse<C extends Channel> = z.output<Contract[C]['response']>;

/** The channel names, for bindings that expose one function per channel. */
export const channels = Object.keys(contract) as readonly Channel[];

// Compile-time proof that channel-names.ts (used by the preload) lists exactly these channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const channelNamesMatch: Same<Channel, ChannelName> = true;

/** Narrows an arbitrary string to a known channel. */
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

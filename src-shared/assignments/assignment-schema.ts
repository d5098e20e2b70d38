import { z } from 'zod';
import { bilingualSchema } from '../criteria/criteria-schema';

/** The three stages of Art. 11 of the Measures, in their default order. */
export const stageSchema = z.enum(['material', 'defense', 'site']);
export type Stage = z.infer<typeof stageSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const cycleSchema = z
  .object({
    id: z.string().min(1),
    name: bilingualSchema,
    year: z.number().int().min(2000).max(2100),
    measuresVersion: z.string().min(1),
    criteriaId: z.string().min(1),
    stages: z.array(stageSchema).min(1),
    /** A demo cycle is fictional and must be labelled as such wherever it is shown. */
    demo: z.boolean(),
  })
  .strict();
export type Cycle = z.infer<typeof cycleSchema>;

export const expertSchema = z
  .object({ id: z.string().min(1), name: z.string().min(1), workUnit: z.string().min(1), title: z.string() })
  .strict();
export type Expert = z.infer<typeof expertSchema>;

export const organisationSizeSchema = z.enum(['large', 'medium', 'small', 'micro']);
export type OrganisationSize = z.infer<typeof organisationSizeSchema>;

export const applicantSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** Unified social credit code (统一社会信用代码, GB 32100-2015), check digit validated on load. */
    uscc: z.string().length(18),
    district: z.string().min(1),
    industry: z.string().min(1),
    foundedYear: z.number().int().min(1800).max(2100),
    size: organisationSizeSchema,
    employees: z.number().int().nonnegative(),
    /** 新技术、新产业、新业态、新模式 (Art. 9 shortens the years of operation to 3). */
    fourNew: z.boolean(),
    /** The application's summary per criteria category id, for scoring from. */
    summaries: z.array(z.object({ categoryId: z.string().min(1), text: z.string().min(1) }).strict()),
  })
  .strict();
export type Applicant = z.infer<typeof applicantSchema>;

export const assignmentSchema = z
  .object({
    id: z.string().min(1),
    cycleId: z.string().min(1),
    expertId: z.string().min(1),
    stage: stageSchema,
    applicantIds: z.array(z.string().min(1)).min(1),
    deadline: isoDate,
  })
  .strict();
export type Assignment = z.infer<typeof assignmentSchema>;

/** What an expert receives for one stage: the cycle, the expert, the assignment and its applicants. */
export const assignmentBundleSchema = z
  .object({
    format: z.literal('scorebook.assignment-bundle/1'),
    cycle: cycleSchema,
    expert: expertSchema,
    assignment: assignmentSchema,
    applicants: z.array(applicantSchema).min(1),
  })
  .strict();
export type AssignmentBundle = z.infer<typeof assignmentBundleSchema>;

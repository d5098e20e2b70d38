import { z } from 'zod';

/** Text in both UI languages; zh-CN is the primary wording. */
export const bilingualSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
export type BilingualText = z.infer<typeof bilingualSchema>;

/** Process items are judged on A-D-L-I, results items on Le-T-C-I (GB/T 19580-2012, GB/Z 19579). */
export const itemKindSchema = z.enum(['process', 'results']);
export type ItemKind = z.infer<typeof itemKindSchema>;

export const bandSchema = z
  .object({
    id: z.string().min(1),
    min: z.number().int(),
    max: z.number().int(),
    descriptors: z.object({ process: bilingualSchema, results: bilingualSchema }).strict(),
  })
  .strict();
export type Band = z.infer<typeof bandSchema>;

export const factorSchema = z.object({ id: z.string().min(1), name: bilingualSchema }).strict();

export const itemSchema = z
  .object({
    id: z.string().min(1),
    name: bilingualSchema,
    points: z.number().int().positive(),
    kind: itemKindSchema,
    /** Reading guide: the questions or themes an expert looks for, in order. */
    guide: z.array(bilingualSchema).min(1),
  })
  .strict();
export type CriteriaItem = z.infer<typeof itemSchema>;

export const categorySchema = z
  .object({
    id: z.string().min(1),
    name: bilingualSchema,
    points: z.number().int().positive(),
    items: z.array(itemSchema).min(1),
  })
  .strict();
export type CriteriaCategory = z.infer<typeof categorySchema>;

/** Version 1 of the criteria file format (`resources/criteria/*.json`). */
export const criteriaFileSchema = z
  .object({
    format: z.literal('scorebook.criteria/1'),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    version: z.string().min(1),
    standard: z.string().min(1),
    name: bilingualSchema,
    totalPoints: z.number().int().positive(),
    /** Percentages are whole multiples of this step (5 in GB/T 19580 practice). */
    percentStep: z.number().int().positive(),
    factors: z.object({ process: z.array(factorSchema).min(1), results: z.array(factorSchema).min(1) }).strict(),
    bands: z.array(bandSchema).min(1),
    categories: z.array(categorySchema).min(1),
  })
  .strict();
export type Criteria = z.infer<typeof criteriaFileSchema>;

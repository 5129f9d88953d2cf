import { z } from 'zod';

/** The instance as Cloud Elements returns it (loosely: extra fields are kept and shown). */
export const InstanceSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  token: z.string(),
  // Cloud Elements writes null as readily as it leaves a field out: one such instance must not
  // make the whole list unreadable (and its error show everyone's instances).
  element: z
    .looseObject({ key: z.string() })
    .nullish()
    .transform((v) => v ?? undefined),
  configuration: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((v) => v ?? undefined),
  tags: z
    .array(z.string().nullable())
    .nullish()
    .transform((tags) => (tags ?? []).filter((t): t is string => typeof t === 'string')),
});
export type Instance = z.infer<typeof InstanceSchema>;

/** One row of the instances page: no configuration, no token. */
export type InstanceSummary = {
  id: number | string;
  name: string;
  elementKey: string;
  createdDate?: string;
  tags: string[];
};

import { z } from 'zod';

/** The instance as Cloud Elements returns it (loosely: extra fields are kept and shown). */
export const InstanceSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  token: z.string(),
  element: z.looseObject({ key: z.string() }).optional(),
  configuration: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
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

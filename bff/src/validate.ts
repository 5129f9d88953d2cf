import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { AppError, describeZodError } from './errors';

/** Validates a JSON body, answering 400 with the field that is wrong. */
export const json = <T extends z.ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) {
      throw new AppError(400, 'bad_request', describeZodError(result.error));
    }
  });

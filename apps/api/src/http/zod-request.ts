import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Parses request input with a zod schema; a failure is a 400 naming each bad parameter. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ parameter: issue.path.map(String).join('.') || what, message: issue.message }));
  throw new BadRequestException({ message: `invalid ${what}: ${issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ')}`, issues });
}

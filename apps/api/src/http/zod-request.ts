import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

interface Issue {
  parameter: string;
  message: string;
}

/** One entry per bad parameter; an unknown parameter (say person[$ne]) is named itself. */
function issuesOf(error: z.ZodError, what: string): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ parameter: path ? `${path}.${key}` : key, message: 'is not a parameter of this route' }));
    }
    if (issue.code === 'invalid_union') {
      // One value or a list: when the value had the right type for one branch, that branch's complaint is the one to show.
      const specific = issue.errors.flat().find((inner) => inner.code !== 'invalid_type' && inner.code !== 'invalid_union');
      if (specific) return [{ parameter: path || what, message: specific.message }];
    }
    return [{ parameter: path || what, message: issue.message }];
  });
}

/** Parses request input with a zod schema; a failure is a 400 naming each bad parameter (a problem+json `errors` list). */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, what);
  throw new BadRequestException({ message: `invalid ${what}: ${issues.map((issue) => `${issue.parameter} ${issue.message}`).join('; ')}`, issues });
}

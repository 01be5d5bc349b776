import { z } from 'zod';

/** The FastAPI-style error body every non-validation error uses. */
export const HttpErrorSchema = z
  .object({
    detail: z.string().meta({ description: 'What went wrong, in a sentence meant for the API user.' }),
  })
  .meta({ description: 'Error response.', example: { detail: 'Job not found' } });
export type HttpError = z.infer<typeof HttpErrorSchema>;

/** One failed check of a 422 response. */
export const ValidationIssueSchema = z
  .object({
    loc: z
      .array(z.union([z.string(), z.int()]))
      .meta({ description: 'Where the bad value is: `body`, `query` or `path`, then the field path.', example: ['body', 'payload', 'max_pages'] }),
    msg: z.string().meta({ description: 'What is wrong with it.', example: 'Too big: expected number to be <=50' }),
    type: z.string().meta({ description: 'Machine-readable issue kind.', example: 'too_big' }),
  })
  .meta({ description: 'One validation issue.' });
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

/** The 422 body: FastAPI's `detail: [{loc, msg, type}]`. */
export const ValidationErrorSchema = z
  .object({ detail: z.array(ValidationIssueSchema) })
  .meta({
    description: 'Validation error (422): every issue found in the request.',
    example: { detail: [{ loc: ['body', 'payload', 'max_pages'], msg: 'Too big: expected number to be <=50', type: 'too_big' }] },
  });
export type ValidationError = z.infer<typeof ValidationErrorSchema>;

import { z } from 'zod';
import { FormatSchema, JobIdSchema, JobResultsSchema, JobStatusSchema, JobTypeSchema } from '@spideriq/schema';

/** The largest and default answer a results tool returns, in characters (fits a model's context window). */
export const MAX_CHARS = { default: 20_000, min: 500, max: 1_000_000 } as const;

/** `format` of the results tools: Markdown for reading by default, YAML or JSON on request. */
export const ToolFormatSchema = FormatSchema.default('md').meta({
  description: '`md` (default: readable, fewest tokens), `yaml` (same shape as json, null fields dropped) or `json` (verbatim API body).',
});

/** `max_chars` of the results tools. */
export const MaxCharsSchema = z
  .int()
  .min(MAX_CHARS.min)
  .max(MAX_CHARS.max)
  .default(MAX_CHARS.default)
  .meta({ description: `Cut the answer after this many characters (${MAX_CHARS.min}-${MAX_CHARS.max}, default ${MAX_CHARS.default}); the answer says how to read the rest.` });

/**
 * What the results tools return as `structuredContent`: where the job is, and which slice of its
 * rendered results the text content holds. `results` is the API's own results envelope, present when the
 * format is json and nothing was cut (so structured clients get the typed body without parsing text).
 */
export const ResultsToolOutputSchema = z
  .object({
    job_id: JobIdSchema,
    type: JobTypeSchema,
    status: JobStatusSchema,
    done: z.boolean().meta({ description: 'True when the job is completed and the text holds its results; false while it is queued or processing.' }),
    format: FormatSchema,
    offset: z.int().min(0).meta({ description: 'Index of the first character of the rendered results in the text content.' }),
    returned_chars: z.int().min(0),
    total_chars: z.int().min(0).meta({ description: 'Length of the whole rendered results.' }),
    truncated: z.boolean(),
    next_offset: z.int().nullable().meta({ description: 'Pass as `offset` to spideriq_job_results to read on; null when nothing is left.' }),
    results: JobResultsSchema.optional(),
  })
  .meta({ description: 'A job and a slice of its results.' });
export type ResultsToolOutput = z.infer<typeof ResultsToolOutputSchema>;

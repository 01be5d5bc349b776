import { components, JobEventSchema } from '@spideriq/schema';
import type { ZodType } from 'zod';

/** One message of the SSE stream: its component name, its SSE `event:` name and its zod model. */
export interface StreamEvent {
  /** Name in `components` (and in the OpenAPI / AsyncAPI components). */
  component: string;
  /** The SSE `event:` line, also the `event` field of the JSON. */
  event: string;
  schema: ZodType;
}

/**
 * The events of the stream, in the order of `JobEventSchema`'s options, each paired with the name it
 * has in `components`. Derived from the models so a new event appears in both documents.
 */
export function streamEvents(): StreamEvent[] {
  const named = Object.entries(components as Record<string, ZodType>);
  return JobEventSchema.options.map((option) => {
    const entry = named.find(([, schema]) => schema === option);
    if (!entry) throw new Error(`an event of JobEventSchema is missing from components`);
    return { component: entry[0], event: option.shape.event.value, schema: option };
  });
}

import type { z } from 'zod';
import type { JsonSchema } from './json-schema.js';
import { isStrictCompatible } from './json-schema.js';
import { FeatureError } from './feature-error.js';
import type { ChatMessage, ChatUsage, ModelClient, StructuredMode } from './provider/model-client.js';
import { ModelError } from './provider/model-client.js';
import { repairMessage } from './prompts.js';
import { validateReply } from './validate.js';

/** `SPIDERIQ_LLM_STRUCTURED_OUTPUT`: `auto` walks the fallback order; the others force one mode. */
export type StructuredOutputSetting = 'auto' | StructuredMode;

/** The fallback order of `auto`. */
export const FALLBACK_ORDER: readonly StructuredMode[] = ['json_schema', 'tool', 'json_object'];

/** Shared per process: the mode each endpoint last accepted, so later jobs skip the rejections. */
export class ModeMemory {
  readonly #modes = new Map<string, StructuredMode>();
  get(endpoint: string): StructuredMode | undefined {
    return this.#modes.get(endpoint);
  }
  set(endpoint: string, mode: StructuredMode): void {
    this.#modes.set(endpoint, mode);
  }
}

/** Everything one structured request needs. */
export interface AnswerRequest<T> {
  client: ModelClient;
  model: string;
  /** The messages for a mode (`json_object` puts the schema in the system message). */
  messages: (mode: StructuredMode | 'text') => ChatMessage[];
  /** null = a free-text answer (custom prompt without schema). */
  jsonSchema: JsonSchema | null;
  schemaName: string;
  validator: z.ZodType<T>;
  setting: StructuredOutputSetting;
  memory: ModeMemory;
  timeoutMs: number;
  signal: AbortSignal;
  temperature?: number;
  maxTokens?: number;
  /** Called with every reported usage, so the job's totals equal what the endpoint billed. */
  onUsage: (usage: ChatUsage) => void;
  onRequest: () => void;
  /** Longest Retry-After we wait before giving up on a 429. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const RATE_LIMIT_RETRIES = 2;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function modesFor(setting: StructuredOutputSetting, remembered: StructuredMode | undefined, free: boolean): Array<StructuredMode | 'text'> {
  if (free) return ['text'];
  if (setting !== 'auto') return [setting];
  const start = remembered ? FALLBACK_ORDER.indexOf(remembered) : 0;
  return FALLBACK_ORDER.slice(start);
}

/**
 * Asks for one validated answer. Walks the structured-output fallback (`json_schema` → `tool` →
 * `json_object`) when the endpoint rejects a mode and remembers what worked; validates every reply
 * with zod; gives an invalid reply one repair turn with the errors; waits out a 429's Retry-After.
 * A timeout, a 5xx or a second invalid reply throws `FeatureError` for that feature only.
 */
export async function requestAnswer<T>(req: AnswerRequest<T>): Promise<T> {
  const sleep = req.sleep ?? defaultSleep;
  const maxWait = req.maxRetryAfterMs ?? 60_000;
  const strict = req.jsonSchema !== null && isStrictCompatible(req.jsonSchema);
  const modes = modesFor(req.setting, req.memory.get(req.client.endpoint), req.jsonSchema === null);
  let lastRejection: ModelError | undefined;
  for (const mode of modes) {
    const messages = req.messages(mode);
    let repaired = false;
    let rateLimited = 0;
    for (;;) {
      const signal = AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]);
      let text: string;
      try {
        req.onRequest();
        const reply = await req.client.complete({
          model: req.model,
          messages,
          mode,
          ...(req.jsonSchema ? { schema: req.jsonSchema } : {}),
          schemaName: req.schemaName,
          strict,
          signal,
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}),
        });
        req.onUsage(reply.usage);
        text = reply.text;
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        if (error.code === 'cancelled') throw error;
        if (error.code === 'rate_limited' && rateLimited < RATE_LIMIT_RETRIES) {
          const wait = error.retryAfterMs ?? 1000 * 2 ** rateLimited;
          if (wait <= maxWait) {
            rateLimited += 1;
            await sleep(wait, req.signal);
            continue;
          }
        }
        if (error.code === 'rejected' && mode !== 'text' && req.setting === 'auto') {
          lastRejection = error;
          break;
        }
        throw new FeatureError(error.message, { code: featureCode(error), cause: error });
      }
      if (mode !== 'text') req.memory.set(req.client.endpoint, mode);
      const checked = req.jsonSchema === null ? ({ ok: true, value: text } as const) : validateReply(text, req.validator);
      if (checked.ok) {
        const final = req.validator.safeParse(checked.value);
        if (final.success) return final.data;
      }
      const errors = checked.ok ? 'the reply does not match the schema.' : checked.errors;
      if (repaired) throw new FeatureError(`The model's answer was invalid after a repair attempt: ${errors}`, { code: 'invalid_output' });
      repaired = true;
      messages.push({ role: 'assistant', content: text }, repairMessage(errors));
    }
  }
  throw new FeatureError(`The model endpoint rejected every structured-output mode (${modes.join(', ')}): ${lastRejection?.message ?? 'no reply'}`, {
    code: 'unsupported',
    cause: lastRejection,
  });
}

function featureCode(error: ModelError): FeatureError['code'] {
  switch (error.code) {
    case 'timeout':
      return 'timeout';
    case 'rate_limited':
      return 'rate_limited';
    case 'rejected':
      return 'invalid_request';
    default:
      return 'provider_error';
  }
}

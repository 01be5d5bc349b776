import type { StructuredOutputSetting } from './structured-answer.js';

/** The model endpoint, from the server's validated config (`SPIDERIQ_LLM_*`). */
export interface ModelSettings {
  /** OpenAI-compatible base URL ending in `/v1`. */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Per-request timeout; a request past it fails its feature only. */
  timeoutMs: number;
  structuredOutput: StructuredOutputSetting;
}

/** Settings of the intelligence engine. */
export interface IntelSettings {
  /** null = no model configured: deterministic extractors only, no request sent. */
  model: ModelSettings | null;
  /** Prompt tokens per request (system + user), counted with o200k. Default 6,000. */
  promptBudget?: number;
  /** `SPIDERIQ_LLM_MAX_TOKENS_PER_JOB`: features past it are skipped. null = no cap. */
  maxTokensPerJob?: number | null;
  /** Longest Retry-After a 429 may ask us to wait. Default 60 s. */
  maxRetryAfterMs?: number;
}

/** The default prompt budget: a size small local models handle. */
export const DEFAULT_PROMPT_BUDGET = 6000;

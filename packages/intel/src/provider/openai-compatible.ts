import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError } from '@ai-sdk/provider';
import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import type { ChatMessage, ChatReply, ChatRequest, ChatUsage, ModelClient } from './model-client.js';
import { ModelError } from './model-client.js';
import { parseRetryAfter } from './retry-after.js';

/** Where the endpoint is and how to authenticate. */
export interface OpenAiCompatibleOptions {
  /** Base URL ending in `/v1`; requests go to `<baseUrl>/chat/completions`. */
  baseUrl: string;
  apiKey?: string;
}

/** The answer tool's name in `tool` mode. */
export const ANSWER_TOOL = 'submit_answer';

function toPrompt(messages: ChatMessage[]): LanguageModelV3Prompt {
  return messages.map((message) =>
    message.role === 'system'
      ? { role: 'system' as const, content: message.content }
      : { role: message.role, content: [{ type: 'text' as const, text: message.content }] },
  );
}

function usageOf(body: unknown, fallback: { inputTokens: { total?: number | undefined }; outputTokens: { total?: number | undefined } }): ChatUsage {
  const raw = (body as { usage?: Partial<ChatUsage> } | undefined)?.usage;
  const prompt = raw?.prompt_tokens ?? fallback.inputTokens.total ?? 0;
  const completion = raw?.completion_tokens ?? fallback.outputTokens.total ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: raw?.total_tokens ?? prompt + completion };
}

/**
 * The AI SDK 6 OpenAI-compatible provider (chat completions, never the Responses API), called at the
 * `doGenerate` level so we get the raw reply and usage and do validation, repair and fallback ourselves.
 * The SDK's retries are not used: 429s are waited out by the caller with the repo's Retry-After parser.
 */
export function createOpenAiCompatibleClient(options: OpenAiCompatibleOptions): ModelClient {
  const common = { name: 'spideriq', baseURL: options.baseUrl, ...(options.apiKey ? { apiKey: options.apiKey } : {}), includeUsage: true };
  const structured = createOpenAICompatible({ ...common, supportsStructuredOutputs: true });
  const plain = createOpenAICompatible({ ...common, supportsStructuredOutputs: false });

  async function complete(request: ChatRequest): Promise<ChatReply> {
    const model: LanguageModelV3 = (request.mode === 'json_schema' ? structured : plain).chatModel(request.model);
    const call: LanguageModelV3CallOptions = {
      prompt: toPrompt(request.messages),
      abortSignal: request.signal,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
    };
    if (request.mode === 'json_schema' && request.schema) {
      call.responseFormat = { type: 'json', schema: request.schema as never, name: request.schemaName };
      call.providerOptions = { spideriq: { strictJsonSchema: request.strict } };
    } else if (request.mode === 'json_object') {
      call.responseFormat = { type: 'json' };
    } else if (request.mode === 'tool' && request.schema) {
      call.tools = [{ type: 'function', name: ANSWER_TOOL, description: `Submit the ${request.schemaName} answer.`, inputSchema: request.schema as never, ...(request.strict ? { strict: true } : {}) }];
      call.toolChoice = { type: 'tool', toolName: ANSWER_TOOL };
    }
    let result: Awaited<ReturnType<LanguageModelV3['doGenerate']>>;
    try {
      result = await model.doGenerate(call);
    } catch (error) {
      throw toModelError(error, request.signal);
    }
    let text = '';
    for (const part of result.content) {
      if (request.mode === 'tool' && part.type === 'tool-call') {
        text = part.input;
        break;
      }
      if (part.type === 'text') text += part.text;
    }
    return { text, usage: usageOf(result.response?.body, result.usage) };
  }

  return { endpoint: options.baseUrl.replace(/\/+$/, ''), complete };
}

function toModelError(error: unknown, signal: AbortSignal): ModelError {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
    return new ModelError(timedOut ? 'The model did not answer in time' : 'The request was cancelled', { code: timedOut ? 'timeout' : 'cancelled', cause: error });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ?? null;
    const body = (error.responseBody ?? '').slice(0, 300);
    const detail = `${status ?? 'no status'}${body ? `: ${body}` : ''}`;
    if (status === 429) {
      const header = error.responseHeaders?.['retry-after'] ?? null;
      return new ModelError(`Rate limited by the model endpoint (${detail})`, { code: 'rate_limited', status, retryAfterMs: parseRetryAfter(header), cause: error });
    }
    if (status !== null && status >= 500 && status !== 501) return new ModelError(`The model endpoint failed (${detail})`, { code: 'server_error', status, cause: error });
    if (status !== null) return new ModelError(`The model endpoint refused the request (${detail})`, { code: 'rejected', status, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError(`Could not reach the model endpoint: ${message}`, { code: 'network', cause: error });
}

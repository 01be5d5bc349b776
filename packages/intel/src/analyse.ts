import { z } from 'zod';
import { SiteDataSchema } from '@spideriq/schema';
import type { AiError, AiGrounding, AiSource, AiUsage, SiteData, SiteMetadata, SpiderSitePayload } from '@spideriq/schema';
import type { IntelSettings } from './config.js';
import { DEFAULT_PROMPT_BUDGET } from './config.js';
import { deterministicCompany, deterministicTeam } from './deterministic/index.js';
import { FeatureError } from './feature-error.js';
import type { FeatureField, FeatureSpec } from './features.js';
import { FEATURES } from './features.js';
import { applyVerdicts, candidatesText, contactCandidates, CONTACT_VALIDATION_TASK, ContactVerdictAnswerSchema } from './contact-validation.js';
import type { ExtractedContacts } from './contact-validation.js';
import { buildGroundingIndex, groundPeople } from './grounding.js';
import type { GroundingIndex } from './grounding.js';
import { answerJsonSchema } from './json-schema.js';
import type { JsonSchema } from './json-schema.js';
import { parsePage } from './page.js';
import type { PageInput, ParsedPage } from './page.js';
import { relevance, selectPages } from './page-selection.js';
import { buildMessages, framePage } from './prompts.js';
import type { PromptParts } from './prompts.js';
import type { ModelClient, StructuredMode } from './provider/model-client.js';
import { ModelError } from './provider/model-client.js';
import { createOpenAiCompatibleClient } from './provider/openai-compatible.js';
import { ModeMemory, requestAnswer } from './structured-answer.js';
import { tokenCount, truncateToTokens } from './tokens.js';

/** Which features a job asked for (after the mode preset), as the site handler resolved them. */
export interface RequestedFeatures {
  extract_company_info: boolean;
  extract_team: boolean;
  extract_pain_points: boolean;
  lead_scoring: boolean;
  custom_ai_prompt: boolean;
  /** The `full` preset's LLM contact validation: the model may take false positives out of the extracted contacts. */
  validate_with_llm?: boolean;
}

/** What the site handler hands over after the crawl. */
export interface AnalysisInput {
  url: string;
  payload: SpiderSitePayload;
  requested: RequestedFeatures;
  pages: readonly PageInput[];
  /** The built compendium's markdown (also when it is not included in the response), or null. */
  compendium: string | null;
  /** The contacts the crawl extracted, for `validate_with_llm`; absent = nothing to check. */
  contacts?: ExtractedContacts;
  signal: AbortSignal;
}

/** The AI metadata keys of `data.metadata`. */
export type AnalysisMetadata = Pick<SiteMetadata, 'ai' | 'ai_usage' | 'ai_errors' | 'ai_sources' | 'ai_pages' | 'ai_grounding' | 'ai_validation'>;

/** The result fields to merge into `data`, and the AI metadata. */
export interface AnalysisResult {
  fields: Partial<Pick<SiteData, 'company_vitals' | 'team_members' | 'pain_points' | 'lead_scoring' | 'personalization_hooks' | 'emails' | 'phones' | 'phone_details' | 'addresses'>> & Record<string, unknown>;
  metadata: AnalysisMetadata;
}

/** Runs the requested AI features over a crawled site. */
export type Analyser = (input: AnalysisInput) => Promise<AnalysisResult>;

/** Prompt tokens of one feature request, for the benchmark and the logs. */
export interface FeatureTrace {
  field: string;
  promptTokens: number;
  pages: string[];
}

const LABELS: Record<Exclude<keyof RequestedFeatures, 'validate_with_llm'>, string> = {
  extract_company_info: 'extract_company_info',
  extract_team: 'extract_team',
  extract_pain_points: 'extract_pain_points',
  lead_scoring: 'lead_scoring',
  custom_ai_prompt: 'custom_ai_prompt',
};
const VALIDATION = 'validate_with_llm';
const NO_MODEL_VALIDATION = 'validate_with_llm needs an AI model (SPIDERIQ_LLM_BASE_URL, SPIDERIQ_LLM_MODEL); contacts are returned as extracted.';
/** Contacts shown to the model at most; any beyond are kept unchecked (`ai_validation.checked` says how many were shown). */
const MAX_CANDIDATES = 80;
const RESERVED_FIELDS = new Set(Object.keys(SiteDataSchema.shape));
const NO_MODEL = 'No AI model is configured (SPIDERIQ_LLM_BASE_URL, SPIDERIQ_LLM_MODEL), so this judgment field is null.';

/**
 * Creates the analyser the site handler calls after the crawl. With a model it runs each requested
 * feature as its own request (grounded, validated, accounted); without one it fills what the
 * deterministic extractors can know and sends nothing. A failing feature never fails the job: its
 * field stays null (or `[]`) and `metadata.ai_errors.<field>` says why.
 */
export function createAnalyser(settings: IntelSettings, deps: { client?: ModelClient; onTrace?: (trace: FeatureTrace) => void } = {}): Analyser {
  const client = settings.model ? (deps.client ?? createOpenAiCompatibleClient({ baseUrl: settings.model.baseUrl, ...(settings.model.apiKey ? { apiKey: settings.model.apiKey } : {}) })) : null;
  const memory = new ModeMemory();
  const budget = settings.promptBudget ?? DEFAULT_PROMPT_BUDGET;

  return async (input) => {
    const requested = (Object.keys(LABELS) as Array<keyof typeof LABELS>).filter((key) => input.requested[key]);
    const validation = Boolean(input.requested.validate_with_llm);
    const anything = requested.length > 0 || validation;
    const base = !anything ? 'No AI features were requested.' : client ? null : 'No AI model is configured: deterministic extractors only, no model request was sent.';
    const metadata: AnalysisMetadata = {
      ai: {
        configured: client !== null,
        requested: [...requested.map((key) => LABELS[key]), ...(validation ? [VALIDATION] : [])],
        message: base,
      },
      ai_usage: null,
      ai_errors: {},
      ai_sources: {},
      ai_pages: {},
      ai_grounding: null,
      ai_validation: null,
    };
    const fields: AnalysisResult['fields'] = {};
    if (!anything) return { fields, metadata };
    const pages = input.pages.map(parsePage);
    const fail = (field: string, error: AiError) => {
      metadata.ai_errors[field] = error;
    };

    if (!client || !settings.model) {
      if (validation) fail(VALIDATION, { code: 'unsupported', message: NO_MODEL_VALIDATION });
      if (input.requested.extract_company_info) {
        const company = deterministicCompany(pages);
        if (company.name || company.summary) {
          fields.company_vitals = { name: company.name, summary: company.summary, industry: null, services: [], target_audience: null };
          for (const [key, source] of Object.entries(company.sources)) metadata.ai_sources[`company_vitals.${key}`] = source;
        }
      }
      if (input.requested.extract_team) {
        const people = deterministicTeam(pages);
        fields.team_members = people.map(({ source: _source, ...person }) => person);
        setTeamSources(metadata.ai_sources, people.map((person) => person.source));
      }
      if (input.requested.extract_pain_points) fail('pain_points', { code: 'unsupported', message: NO_MODEL });
      if (input.requested.lead_scoring) fail('lead_scoring', { code: 'unsupported', message: NO_MODEL });
      if (input.requested.custom_ai_prompt) fail(customField(input.payload), { code: 'unsupported', message: NO_MODEL });
      return { fields, metadata };
    }

    const model = settings.model;
    const usage: AiUsage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, requests: 0 };
    const index = buildGroundingIndex(pages);
    const cap = settings.maxTokensPerJob ?? null;
    const run = async <T>(field: string, prompt: PromptParts, schema: z.ZodType<T>, jsonSchema: JsonSchema | null, schemaName: string, urls: string[], overrides: { model?: string; temperature?: number; maxTokens?: number } = {}): Promise<T | null> => {
      const messages = (mode: StructuredMode | 'text') => buildMessages({ ...prompt, ...(mode === 'json_object' && jsonSchema ? { schemaInPrompt: jsonSchema } : {}) });
      const promptTokens = messages('json_object').reduce((sum, message) => sum + tokenCount(message.content), 0);
      deps.onTrace?.({ field, promptTokens, pages: urls });
      metadata.ai_pages[field] = urls;
      if (cap !== null && usage.total_tokens + promptTokens > cap) {
        fail(field, { code: 'token_cap', message: `Skipped: ${usage.total_tokens} tokens used so far and about ${promptTokens} more needed exceed SPIDERIQ_LLM_MAX_TOKENS_PER_JOB=${cap}` });
        return null;
      }
      try {
        return await requestAnswer({
          client,
          model: overrides.model ?? model.model,
          messages,
          jsonSchema,
          schemaName,
          validator: schema,
          setting: model.structuredOutput,
          memory,
          timeoutMs: model.timeoutMs,
          signal: input.signal,
          ...(overrides.temperature !== undefined ? { temperature: overrides.temperature } : { temperature: 0 }),
          ...(overrides.maxTokens !== undefined ? { maxTokens: overrides.maxTokens } : {}),
          ...(settings.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: settings.maxRetryAfterMs } : {}),
          onRequest: () => {
            usage.requests += 1;
          },
          onUsage: (reported) => {
            usage.prompt_tokens += reported.prompt_tokens;
            usage.completion_tokens += reported.completion_tokens;
            usage.total_tokens += reported.total_tokens;
          },
        });
      } catch (error) {
        if (error instanceof ModelError && error.code === 'cancelled') throw error;
        if (error instanceof FeatureError) {
          fail(field, { code: error.code, message: error.message });
          return null;
        }
        throw error;
      }
    };

    const builtIn = async (spec: FeatureSpec, request?: string) => {
      const jsonSchema = answerJsonSchema(spec.schema);
      const frameBudget = budget - promptOverhead({ task: spec.task, ...(request ? { request } : {}), pages: [], schemaInPrompt: jsonSchema });
      const selection = selectPages(pages, (page) => relevance(page, spec, input.url), frameBudget, framePage);
      if (selection.pages.length === 0) {
        fail(spec.field, { code: 'no_pages', message: 'No crawled page had text to read.' });
        return null;
      }
      return run(spec.field, { task: spec.task, ...(request ? { request } : {}), pages: selection.pages.map(framePage) }, spec.schema, jsonSchema, spec.schemaName, selection.pages.map((page) => page.url));
    };

    if (validation && input.contacts) {
      const contacts = input.contacts;
      const all = contactCandidates(contacts, pages);
      const frame = (list: typeof all) => framePage({ url: input.url, title: 'Contacts extracted from the site', text: candidatesText(list) });
      // As many as the prompt budget holds (the rest are kept unchecked).
      let shown = all.slice(0, MAX_CANDIDATES);
      while (shown.length > 1 && promptOverhead({ task: CONTACT_VALIDATION_TASK, pages: [frame(shown)] }) > budget) shown = shown.slice(0, Math.floor(shown.length * 0.8));
      if (shown.length === 0) {
        metadata.ai_validation = { checked: 0, removed: [] };
      } else {
        const block = frame(shown);
        const urls = [...new Set(shown.flatMap((c) => (c.url ? [c.url] : [])))];
        const answer = await run(VALIDATION, { task: CONTACT_VALIDATION_TASK, pages: [block] }, ContactVerdictAnswerSchema, answerJsonSchema(ContactVerdictAnswerSchema), 'contact_validation', urls);
        if (answer) {
          const applied = applyVerdicts(contacts, shown, answer);
          if (applied.validation.removed.length > 0) Object.assign(fields, applied.contacts);
          metadata.ai_validation = applied.validation;
        }
      }
    }
    if (input.requested.extract_company_info) {
      const answer = await builtIn(FEATURES.company_vitals);
      if (answer) {
        fields.company_vitals = answer as SiteData['company_vitals'];
        metadata.ai_sources.company_vitals = 'llm';
      }
    }
    if (input.requested.extract_team) {
      const answer = (await builtIn(FEATURES.team_members)) as { team_members: SiteData['team_members'] } | null;
      if (answer) {
        const grounded = groundPeople(answer.team_members, index);
        fields.team_members = grounded.people;
        metadata.ai_grounding = grounded.dropped;
        metadata.ai_sources.team_members = 'llm';
      }
    }
    if (input.requested.extract_pain_points) {
      const answer = (await builtIn(FEATURES.pain_points)) as { pain_points: string[] } | null;
      if (answer) {
        fields.pain_points = answer.pain_points;
        metadata.ai_sources.pain_points = 'llm';
      }
    }
    if (input.requested.lead_scoring) {
      const { product_description: product, icp_description: icp } = input.payload;
      if (!product || !icp) {
        fail('lead_scoring', { code: 'invalid_request', message: 'CHAMP scoring needs product_description and icp_description in the payload.' });
      } else {
        const request = `The seller's product:\n${product}\n\nThe seller's ideal customer profile:\n${icp}`;
        const answer = (await builtIn(FEATURES.lead_scoring, request)) as { lead_scoring: SiteData['lead_scoring']; personalization_hooks: SiteData['personalization_hooks'] } | null;
        if (answer) {
          fields.lead_scoring = answer.lead_scoring;
          fields.personalization_hooks = groundHooks(answer.personalization_hooks, index);
          metadata.ai_sources.lead_scoring = 'llm';
          metadata.ai_sources.personalization_hooks = 'llm';
          metadata.ai_pages.personalization_hooks = metadata.ai_pages.lead_scoring ?? [];
        }
      }
    }
    if (input.requested.custom_ai_prompt && input.payload.custom_ai_prompt) {
      const custom = input.payload.custom_ai_prompt;
      const field = customField(input.payload);
      if (RESERVED_FIELDS.has(field)) {
        fail(field, { code: 'invalid_request', message: `output_field_name "${field}" is a result field of its own; choose another name.` });
      } else {
        let validator: z.ZodType = z.string();
        let jsonSchema: JsonSchema | null = null;
        let valid = true;
        if (custom.json_schema) {
          try {
            validator = z.fromJSONSchema(custom.json_schema as never);
            jsonSchema = custom.json_schema;
          } catch (error) {
            valid = false;
            fail(field, { code: 'invalid_request', message: `json_schema could not be read: ${error instanceof Error ? error.message : String(error)}` });
          }
        }
        if (valid) {
          const task = 'You answer the account owner\'s question about a company from its website.';
          const request = custom.user_prompt?.trim() || 'Analyse the website.';
          const overhead = promptOverhead({ task, ...(custom.system_prompt ? { system: custom.system_prompt } : {}), request, pages: [], ...(jsonSchema ? { schemaInPrompt: jsonSchema } : {}) });
          const source = input.compendium
            ? [{ url: input.url, title: 'Compendium of the site', text: truncateToTokens(input.compendium, Math.max(0, budget - overhead - 40)) }]
            : selectPages(pages, () => 0, budget - overhead, framePage).pages;
          const modelName = custom.model && !custom.model.startsWith('spideriq/') ? custom.model : undefined;
          const answer = await run(
            field,
            { task, ...(custom.system_prompt ? { system: custom.system_prompt } : {}), request, pages: source.map(framePage) },
            validator,
            jsonSchema,
            field,
            input.compendium ? pages.map((page) => page.url) : source.map((page) => page.url),
            { ...(modelName ? { model: modelName } : {}), ...(custom.temperature !== undefined ? { temperature: custom.temperature } : {}), ...(custom.max_tokens !== undefined ? { maxTokens: custom.max_tokens } : {}) },
          );
          if (answer !== null) {
            fields[field] = answer;
            metadata.ai_sources[field] = 'llm';
          }
        }
      }
    }
    metadata.ai_usage = usage;
    return { fields, metadata };
  };
}

function customField(payload: SpiderSitePayload): string {
  return payload.custom_ai_prompt?.output_field_name ?? 'custom_analysis';
}

function promptOverhead(parts: PromptParts): number {
  return buildMessages(parts).reduce((sum, message) => sum + tokenCount(message.content), 0) + 20;
}

function setTeamSources(sources: Record<string, AiSource>, found: AiSource[]): void {
  if (found.length === 0) return;
  if (found.every((source) => source === found[0])) sources.team_members = found[0]!;
  else found.forEach((source, i) => (sources[`team_members.${i}`] = source));
}

/** A decision maker the pages never name is not a hook: it is set to null (the rest of the hooks are judgment). */
function groundHooks(hooks: SiteData['personalization_hooks'], index: GroundingIndex): SiteData['personalization_hooks'] {
  if (!hooks?.decision_maker) return hooks;
  const name = hooks.decision_maker.replace(/\s*\(.*\)\s*$/, '').trim();
  return buildGroundingIndexHas(name, index) ? hooks : { ...hooks, decision_maker: null };
}

function buildGroundingIndexHas(name: string, index: GroundingIndex): boolean {
  return groundPeople([{ name, title: null, email: null, linkedin: null }], index).people.length === 1;
}

export type { AiGrounding };

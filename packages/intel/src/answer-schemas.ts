import { z } from 'zod';
import { CompanyVitalsSchema, LeadScoringSchema, PersonalizationHooksSchema, TeamMemberSchema } from '@spideriq/schema';

/**
 * The answer each feature asks the model for, built from the result's own zod models so the prompt's
 * JSON Schema, the validation and the result field are one definition. Answers are objects because
 * `response_format: json_schema` and tool parameters need an object at the top.
 */
export const CompanyAnswerSchema = CompanyVitalsSchema;
/** `extract_team`: the people, as the result lists them. */
export const TeamAnswerSchema = z.object({ team_members: z.array(TeamMemberSchema) });
/** `extract_pain_points`: the result's string list. */
export const PainPointsAnswerSchema = z.object({ pain_points: z.array(z.string()) });
/** `product_description` + `icp_description`: CHAMP scoring and the outreach hooks, in one request. */
export const LeadScoringAnswerSchema = z.object({ lead_scoring: LeadScoringSchema, personalization_hooks: PersonalizationHooksSchema });

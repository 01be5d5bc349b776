import type { z } from 'zod';
import { CompanyAnswerSchema, LeadScoringAnswerSchema, PainPointsAnswerSchema, TeamAnswerSchema } from './answer-schemas.js';

/** The built-in features, named by the result field they fill. */
export type FeatureField = 'company_vitals' | 'team_members' | 'pain_points' | 'lead_scoring';

/** One built-in feature: its answer model, which pages feed it, and its task. */
export interface FeatureSpec {
  field: FeatureField;
  schema: z.ZodType;
  schemaName: string;
  /** Path or title words of the pages this feature reads first (several languages). */
  keywords: RegExp;
  /** Words of pages read next. */
  secondary?: RegExp;
  /** Extra relevance of the home page. */
  homeBonus: number;
  task: string;
}

const ABOUT = 'about|ueber|uber|über|unternehmen|company|firma|qui-sommes|a-propos|apropos|quienes|sobre|chi-siamo|azienda|over-ons|who-we-are';
const TEAM = 'team|people|staff|leadership|management|equipe|équipe|equipo|mitarbeiter|squadra|medewerkers|founders|board';
const CONTACT = 'contact|kontakt|contacto|contatti|impressum|imprint|mentions-legales';
const NEWS = 'news|blog|press|presse|careers|jobs|karriere|stellen|empleo|carriere|lavora|vacatures|actualites|noticias|notizie|nieuws|aktuelles|updates';
const OFFER = 'services|leistungen|products|produkte|solutions|loesungen|servicios|prestations|servizi|diensten|pricing|preise';

/** The built-in features in the order they run (cheapest and most asked for first). */
export const FEATURES: Record<FeatureField, FeatureSpec> = {
  company_vitals: {
    field: 'company_vitals',
    schema: CompanyAnswerSchema,
    schemaName: 'company_vitals',
    keywords: new RegExp(`${ABOUT}|${OFFER}`, 'i'),
    homeBonus: 5,
    task:
      'You extract company facts from its website. Give the company name, a one-sentence summary of what it does, its industry, ' +
      'the services or products it offers (short names), and its target audience.',
  },
  team_members: {
    field: 'team_members',
    schema: TeamAnswerSchema,
    schemaName: 'team_members',
    keywords: new RegExp(TEAM, 'i'),
    secondary: new RegExp(`${ABOUT}|${CONTACT}`, 'i'),
    homeBonus: 0,
    task:
      'You list the people who work at the company, as named on its website: full name, job title, email and LinkedIn profile URL ' +
      'exactly as written on the pages. Only people named on the pages; null for anything the pages do not show.',
  },
  pain_points: {
    field: 'pain_points',
    schema: PainPointsAnswerSchema,
    schemaName: 'pain_points',
    keywords: new RegExp(NEWS, 'i'),
    secondary: new RegExp(ABOUT, 'i'),
    homeBonus: 1,
    task:
      'You infer the business challenges this company is facing from its website (news, blog posts, job openings, about pages): ' +
      'up to 5 short, specific statements, each supported by something on the pages.',
  },
  lead_scoring: {
    field: 'lead_scoring',
    schema: LeadScoringAnswerSchema,
    schemaName: 'lead_scoring',
    keywords: new RegExp(`${ABOUT}|${TEAM}|${NEWS}|${OFFER}`, 'i'),
    homeBonus: 5,
    task:
      "You qualify this company as a sales lead for the seller's product with the CHAMP framework (Challenges, Authority, Money, " +
      'Prioritization) and score its fit with the ideal customer profile from 0 to 1. Then give personalisation hooks for a first email: ' +
      'the company name, the decision maker (a person named on the pages, or null), the key challenge, an urgency signal and the angle.',
  },
};

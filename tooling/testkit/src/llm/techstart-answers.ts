import type { FakeModelReply, FakeRequest } from './fake-openai.js';
import { reply } from './fake-openai.js';

/** Answers a well-behaved model would give about the TechStart fixture, per feature. */
export const TECHSTART_ANSWERS = {
  company_vitals: {
    name: 'TechStart Solutions',
    summary: 'AI-powered customer support automation for SaaS companies',
    industry: 'B2B SaaS',
    services: ['AI Chatbots', 'Support Ticket Automation', 'Customer Analytics'],
    target_audience: 'Mid-market SaaS companies with 50-500 employees',
  },
  team_members: {
    team_members: [
      { name: 'Sarah Johnson', title: 'CEO & Founder', email: 'sarah@techstart.com', linkedin: 'https://linkedin.com/in/sarahjohnson' },
      { name: 'Mike Chen', title: 'VP of Sales', email: 'mike@techstart.com', linkedin: 'https://linkedin.com/in/mikechen' },
    ],
  },
  pain_points: { pain_points: ['Struggling to scale customer support operations', 'High ticket resolution times impacting customer satisfaction'] },
  lead_scoring: {
    lead_scoring: {
      icp_fit_score: 0.85,
      champ_analysis: {
        challenges: ['Manual ticket triage consuming 40% of support team time'],
        authority: 'Sarah Johnson (CEO & Founder) approves vendors',
        money: 'Series B funded ($20M raised in 2024)',
        prioritization: 'High - support automation is the top Q1 2025 initiative',
      },
    },
    personalization_hooks: {
      company_name: 'TechStart Solutions',
      decision_maker: 'Sarah Johnson (CEO & Founder)',
      key_challenge: 'Manual ticket triage consuming 40% of support team time',
      urgency_signal: 'Q1 2025 initiative mentioned in a recent blog post',
      personalization_angle: 'Show how automation can free up 40% of support team capacity',
    },
  },
  /** `validate_with_llm`: every contact TechStart's pages show is its own. */
  contact_validation: { rejected: [] },
} as const;

/** Which built-in feature a request is for, from its answer schema's top-level keys. */
export function featureOf(request: FakeRequest): keyof typeof TECHSTART_ANSWERS | 'custom' {
  const keys = request.schemaKeys;
  if (keys.includes('team_members')) return 'team_members';
  if (keys.includes('pain_points')) return 'pain_points';
  if (keys.includes('lead_scoring')) return 'lead_scoring';
  if (keys.includes('target_audience')) return 'company_vitals';
  if (keys.includes('rejected')) return 'contact_validation';
  return 'custom';
}

/** A script answering every built-in feature correctly; `custom` requests get `custom`. */
export function techstartScript(custom: unknown = { verdict: 'good fit' }): (request: FakeRequest) => FakeModelReply {
  return (request) => {
    const feature = featureOf(request);
    return reply.answer(feature === 'custom' ? custom : TECHSTART_ANSWERS[feature]);
  };
}

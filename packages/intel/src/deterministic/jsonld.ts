import type { CheerioAPI } from 'cheerio';
import type { Person } from '../grounding.js';

type Node = Record<string, unknown>;

/** Every object in a page's JSON-LD blocks (arrays and `@graph` flattened); broken blocks skipped. */
export function jsonLdNodes($: CheerioAPI): Node[] {
  const nodes: Node[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 10 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, depth + 1));
    nodes.push(value as Node);
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  $('script[type="application/ld+json" i]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()), 0);
    } catch {
      // A broken block from one plugin must not hide the others.
    }
  });
  return nodes;
}

function types(node: Node): string[] {
  const raw = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return raw.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && '@value' in value) return text((value as Node)['@value']);
  return null;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return strings((value as Node)['@id'] ?? (value as Node).url);
  return [];
}

/** Schema.org types that describe the company itself (Organization, LocalBusiness and their common subtypes). */
const ORGANIZATION = /^(Organization|Corporation|LocalBusiness|NGO|NewsMediaOrganization|EducationalOrganization|MedicalOrganization|ProfessionalService|Store|Restaurant|LegalService|Attorney|Dentist|Physician|FinancialService|HomeAndConstructionBusiness|AutomotiveBusiness|FoodEstablishment|LodgingBusiness|[A-Za-z]+(Business|Organization|Service|Store))$/;

/** The company's name and description from JSON-LD Organization / LocalBusiness nodes, first found wins. */
export function organizationFromJsonLd(nodes: readonly Node[]): { name: string | null; description: string | null } {
  let name: string | null = null;
  let description: string | null = null;
  for (const node of nodes) {
    if (!types(node).some((t) => ORGANIZATION.test(t))) continue;
    name ??= text(node.name) ?? text(node.legalName);
    description ??= text(node.description) ?? text(node.slogan);
    if (name && description) break;
  }
  return { name, description };
}

/** People from JSON-LD `Person` nodes (standalone, or as an organization's employee/founder). */
export function peopleFromJsonLd(nodes: readonly Node[]): Person[] {
  const people: Person[] = [];
  for (const node of nodes) {
    if (!types(node).includes('Person')) continue;
    const name = text(node.name) ?? ([text(node.givenName), text(node.familyName)].filter(Boolean).join(' ') || null);
    if (!name) continue;
    const email = text(node.email)?.replace(/^mailto:/i, '') ?? null;
    const linkedin = [...strings(node.sameAs), ...strings(node.url)].find((url) => /linkedin\.com\/in\//i.test(url)) ?? null;
    people.push({ name, title: text(node.jobTitle) ?? text(node.roleName), email, linkedin });
  }
  return people;
}

import { mf2 } from 'microformats-parser';
import type { Person } from '../grounding.js';

interface Mf2Item {
  type?: string[];
  properties?: Record<string, unknown[]>;
  children?: Mf2Item[];
}

function first(item: Mf2Item, key: string): string | null {
  const value = item.properties?.[key]?.[0];
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (value && typeof value === 'object' && 'value' in value && typeof (value as { value: unknown }).value === 'string') {
    return ((value as { value: string }).value).trim() || null;
  }
  return null;
}

function all(item: Mf2Item, key: string): string[] {
  return (item.properties?.[key] ?? []).flatMap((value) =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' && 'value' in value ? [String((value as { value: unknown }).value)] : [],
  );
}

/**
 * People from h-card microformats (microformats-parser, the mf2 reference parser for JS). A card whose
 * name equals its organisation is the company's own card and is skipped.
 */
export function peopleFromHCards(html: string, baseUrl: string): Person[] {
  const parsed = mf2(html, { baseUrl }) as { items: Mf2Item[] };
  const people: Person[] = [];
  const visit = (item: Mf2Item): void => {
    if (item.type?.includes('h-card')) {
      const name = first(item, 'name');
      const org = first(item, 'org');
      if (name && name !== org) {
        const email = first(item, 'email')?.replace(/^mailto:/i, '') ?? null;
        const linkedin = all(item, 'url').find((url) => /linkedin\.com\/in\//i.test(url)) ?? null;
        people.push({ name, title: first(item, 'job-title') ?? first(item, 'role'), email, linkedin });
      }
    }
    item.children?.forEach(visit);
    for (const values of Object.values(item.properties ?? {})) {
      for (const value of values) if (value && typeof value === 'object' && 'type' in value) visit(value as Mf2Item);
    }
  };
  parsed.items.forEach(visit);
  return people;
}

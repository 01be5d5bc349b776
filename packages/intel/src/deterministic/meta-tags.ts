import type { CheerioAPI } from 'cheerio';

/** The site name and description the page's head declares (og:site_name, og:description, meta description). */
export function companyFromMeta($: CheerioAPI): { name: string | null; description: string | null } {
  const content = (selector: string): string | null => $(selector).first().attr('content')?.replace(/\s+/g, ' ').trim() || null;
  return {
    name: content('meta[property="og:site_name" i]') ?? content('meta[name="application-name" i]'),
    description: content('meta[property="og:description" i]') ?? content('meta[name="description" i]'),
  };
}

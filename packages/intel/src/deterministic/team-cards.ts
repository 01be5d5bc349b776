import type { CheerioAPI } from 'cheerio';
import type { Person } from '../grounding.js';
import { visibleText } from '../page.js';
import type { DomNode } from '../page.js';

type Selection = ReturnType<CheerioAPI>;

/** Class or id words of a person card, in the languages our fixtures cover and common CMS themes use. */
const CARD = /(team|member|person|people|staff|employee|leader|founder|partner|mitarbeiter|equipe|equipo|squadra|medewerker|vcard)/i;
/** Generic card words: such a card counts only with a role element, an email or a LinkedIn link of its own. */
const GENERIC_CARD = /(card|profile|bio)/i;
const NAME_SELECTOR = '[itemprop="name"], [class*="name" i], h2, h3, h4, h5, h6, strong, b';
const TITLE_SELECTOR =
  '[itemprop="jobTitle"], [class*="title" i], [class*="role" i], [class*="position" i], [class*="job" i], [class*="funktion" i], [class*="cargo" i], [class*="poste" i], [class*="ruolo" i]';
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al', 'y', 'e']);
/** Heading words that are never part of a person's name ("Our Team", "Unser Team", "Notre équipe"…). */
const NOT_NAMES = /^(our|the|meet|team|about|contact|us|unser|unsere|das|nuestro|nuestra|equipo|notre|équipe|equipe|il|nostro|ons|leadership|management|services|people|staff|careers|news|founders?|partners?|kontakt|über|uns|read|more|view|profile|linkedin|email|mail)$/i;

/** Whether a short text reads as a person's name: 2-5 words, each capitalised (particles aside), no digits. */
export function looksLikeName(text: string): boolean {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (words.length < 2 || words.length > 5 || text.length > 60 || /\d|@|:|\//.test(text)) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NOT_NAMES.test(word)) return false;
    if (PARTICLES.has(word.toLowerCase())) continue;
    if (!/^[\p{Lu}][\p{L}'’.-]*$/u.test(word)) return false;
    capitalised += 1;
  }
  return capitalised >= 2;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function namesIn($: CheerioAPI, el: Selection): Selection[] {
  const found: Selection[] = [];
  const seen = new Set<string>();
  el.find(NAME_SELECTOR).each((_, node) => {
    const candidate = $(node);
    const text = clean(candidate.text());
    if (looksLikeName(text) && !seen.has(text)) {
      seen.add(text);
      found.push(candidate);
    }
  });
  return found;
}

/** The card's visible lines (`<br>` and block layouts alike). */
function textLines(el: Selection): string[] {
  const node = el.get(0);
  return node ? visibleText(node as unknown as DomNode).split('\n') : [];
}

function cardOf($: CheerioAPI, el: Selection, generic: boolean): Person | null {
  const names = namesIn($, el);
  if (names.length !== 1) return null;
  const nameEl = names[0]!;
  const name = clean(nameEl.text());
  let title: string | null = null;
  el.find(TITLE_SELECTOR).each((_, node) => {
    if (title) return;
    const candidate = $(node);
    const nameNode = nameEl.get(0);
    if (node === nameNode || candidate.find(nameEl as never).length > 0 || nameEl.find(candidate as never).length > 0) return;
    const text = clean(candidate.text());
    if (text && text !== name && text.length <= 100 && !/@|https?:/.test(text)) title = text;
  });
  const titled = title !== null;
  if (!title) {
    // Layouts without classes: the line after the name is the role ("Jane Doe" / "Head of Sales").
    const lines = textLines(el);
    const at = lines.indexOf(name);
    const next = at >= 0 ? lines[at + 1] : undefined;
    if (next && next.length <= 80 && !/@|https?:|^\+?[\d ()-]{6,}$/.test(next)) title = next;
  }
  const email = el.find('a[href^="mailto:" i]').first().attr('href')?.slice(7).split('?')[0] ?? null;
  const linkedin = el.find('a[href*="linkedin.com/in/" i]').first().attr('href') ?? null;
  if (!title && !email && !linkedin) return null;
  if (generic && !titled && !email && !linkedin) return null;
  return { name, title, email: email ? decodeURIComponent(email) : null, linkedin };
}

/**
 * People from the usual team-card markup: an element whose class or id says team/member/person/…
 * (or that holds a LinkedIn profile link) with exactly one name in it, plus a role, an email or a
 * LinkedIn link. Containers holding several names are the grid, not a card, and are skipped.
 */
export function peopleFromTeamCards($: CheerioAPI): Person[] {
  const people: Person[] = [];
  const seen = new Set<string>();
  const candidates = new Map<unknown, boolean>();
  $('[class], [id]').each((_, node) => {
    const el = $(node);
    const words = `${el.attr('class') ?? ''} ${el.attr('id') ?? ''}`;
    if (CARD.test(words)) candidates.set(node, false);
    else if (GENERIC_CARD.test(words)) candidates.set(node, true);
  });
  $('a[href*="linkedin.com/in/" i], a[href^="mailto:" i]').each((_, node) => {
    const parent = $(node).parent().closest('li, article, div, section, figure, td');
    if (parent.length && !candidates.has(parent.get(0))) candidates.set(parent.get(0), false);
  });
  for (const [node, generic] of candidates) {
    const el = $(node as never) as Selection;
    if (el.is('body, html, main')) continue;
    const person = cardOf($, el, generic);
    if (person && !seen.has(person.name)) {
      seen.add(person.name);
      people.push(person);
    }
  }
  return people;
}

import { z } from 'zod';
import { ContactRejectionReasonSchema } from '@spideriq/schema';
import type { AiContactValidation, PhoneDetail } from '@spideriq/schema';
import type { ParsedPage } from './page.js';

/** The extracted contacts `validate_with_llm` checks: the result's own fields (`phones[i]` is `phone_details[i]`'s number). */
export interface ExtractedContacts {
  emails: string[];
  phones: string[];
  phone_details: PhoneDetail[];
  addresses: string[];
}

/** One contact as the model sees it: a number to answer with, and where on the site it was found. */
export interface ContactCandidate {
  id: number;
  kind: 'email' | 'phone' | 'address';
  /** Its position in its own list (`emails`, `phones`, `addresses`). */
  index: number;
  value: string;
  /** The page the value first appears on, and the text around it there; null when no page text has it as written. */
  url: string | null;
  context: string | null;
}

/** The model's answer: the numbers of the contacts that are not this business's own, each with a reason. */
export const ContactVerdictAnswerSchema = z.object({
  rejected: z.array(z.object({ id: z.int(), reason: ContactRejectionReasonSchema })),
});
export type ContactVerdictAnswer = z.infer<typeof ContactVerdictAnswerSchema>;

/** The task of the validation request (the system message). */
export const CONTACT_VALIDATION_TASK =
  'You check contact details a crawler extracted from a company website. Each numbered contact comes with the page it was found on ' +
  'and the text around it. List only the ones that are not a real way to reach this business: `example` for a placeholder or demo ' +
  'value (john.doe@example.com, 123-456-7890), `not_a_contact` for something else read as a contact (a file name such as logo@2x.png, ' +
  'a version, an order or tax ID, a date, a price), `third_party` for a contact of someone else (the web agency that built the site, ' +
  'a platform, a supplier, another company) and `malformed` for an incomplete or garbled value. When in doubt, keep it: list nothing. ' +
  'Answer with the numbers given; never add or correct a contact.';

/** Characters of page text shown on each side of a contact at most (within its line and the one before). */
const CONTEXT_CHARS = 120;

const digits = (text: string) => text.replace(/\D+/g, '');

/** A page as the lookup reads it, prepared once per job: its lower-cased text and its digit runs. */
interface SearchablePage {
  url: string;
  text: string;
  lower: string;
  runs: Array<{ at: number; length: number; digits: string }>;
}

function searchable(page: ParsedPage): SearchablePage {
  const runs = [...page.text.matchAll(/\+?[\d(][\d \t\u00a0().\/-]{5,}\d/g)].map((m) => ({ at: m.index, length: m[0].length, digits: digits(m[0]) }));
  return { url: page.url, text: page.text, lower: page.text.toLowerCase(), runs };
}

/**
 * Where a value is written on the pages, and the text around it. Emails and addresses are looked up as
 * written (case-insensitive); a phone by its digits, since pages write "(0)" and spaces the result does
 * not, so the lookup walks the page's digit runs.
 */
function locate(kind: ContactCandidate['kind'], value: string, detail: PhoneDetail | undefined, pages: readonly SearchablePage[]): { url: string; context: string } | null {
  const wanted = kind === 'phone' ? [detail?.raw, detail?.national, value].filter((v): v is string => Boolean(v)).map(digits) : [];
  const needle = (kind === 'address' ? value.split(',')[0]!.trim() : value).toLowerCase();
  for (const page of pages) {
    let at = -1;
    let length = value.length;
    if (kind === 'phone') {
      const run = page.runs.find((r) => wanted.some((w) => Math.min(r.digits.length, w.length) >= 6 && (r.digits.endsWith(w) || w.endsWith(r.digits))));
      if (run) ({ at, length } = run);
    } else {
      at = page.lower.indexOf(needle);
    }
    if (at < 0) continue;
    // Its own line (a block of the page) and the one before, which often names it ("Website by", "Phone").
    const text = page.text;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    const nextBreak = text.indexOf('\n', at + length);
    const lineEnd = nextBreak < 0 ? text.length : nextBreak;
    const start = Math.max(previousStart, at - CONTEXT_CHARS);
    const end = Math.min(lineEnd, at + length + CONTEXT_CHARS);
    const lines = text.slice(start, end).split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { url: page.url, context: `${start > previousStart ? '…' : ''}${lines.join(' / ')}${end < lineEnd ? '…' : ''}` };
  }
  return null;
}

/** Numbers every extracted contact (emails, then phones, then addresses) and finds where each was written. */
export function contactCandidates(contacts: ExtractedContacts, pages: readonly ParsedPage[]): ContactCandidate[] {
  const candidates: ContactCandidate[] = [];
  const prepared = pages.map(searchable);
  const add = (kind: ContactCandidate['kind'], index: number, value: string, detail?: PhoneDetail) => {
    const found = locate(kind, value, detail, prepared);
    candidates.push({ id: candidates.length + 1, kind, index, value, url: found?.url ?? null, context: found?.context ?? null });
  };
  contacts.emails.forEach((email, i) => add('email', i, email));
  contacts.phones.forEach((phone, i) => add('phone', i, phone, contacts.phone_details[i]));
  contacts.addresses.forEach((address, i) => add('address', i, address));
  return candidates;
}

/** The candidates as the text of one framed block: a line per contact and, under it, where it was found. */
export function candidatesText(candidates: readonly ContactCandidate[]): string {
  return candidates
    .map((c) => [`[${c.id}] ${c.kind}: ${c.value}`, c.url ? `    found on ${c.url}: "${c.context}"` : '    (not found as written in the page text; it came from markup)'].join('\n'))
    .join('\n');
}

/**
 * Takes out what the model rejected. Only numbers it was given count: an unknown number, a repeated
 * one or a contact the model invents changes nothing, so the answer can remove contacts but never add
 * or alter one; contacts not among `candidates` (not shown) are kept. `phones` and `phone_details`
 * stay aligned.
 */
export function applyVerdicts(contacts: ExtractedContacts, candidates: readonly ContactCandidate[], answer: ContactVerdictAnswer): { contacts: ExtractedContacts; validation: AiContactValidation } {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const removed: AiContactValidation['removed'] = [];
  const drop = new Set<ContactCandidate>();
  for (const { id, reason } of answer.rejected) {
    const candidate = byId.get(id);
    if (!candidate || drop.has(candidate)) continue;
    drop.add(candidate);
    removed.push({ kind: candidate.kind, value: candidate.value, reason });
  }
  const dropped = (kind: ContactCandidate['kind']) => new Set([...drop].filter((c) => c.kind === kind).map((c) => c.index));
  const [email, phone, address] = [dropped('email'), dropped('phone'), dropped('address')];
  return {
    contacts: {
      emails: contacts.emails.filter((_, i) => !email.has(i)),
      phones: contacts.phones.filter((_, i) => !phone.has(i)),
      phone_details: contacts.phone_details.filter((_, i) => !phone.has(i)),
      addresses: contacts.addresses.filter((_, i) => !address.has(i)),
    },
    validation: { checked: candidates.length, removed },
  };
}

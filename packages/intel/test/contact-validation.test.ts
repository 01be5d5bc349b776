import { describe, expect, it } from 'vitest';
import type { PhoneDetail } from '@spideriq/schema';
import { applyVerdicts, candidatesText, contactCandidates, parsePage } from '../src/index.js';
import type { ExtractedContacts } from '../src/index.js';

const phone = (international: string, e164: string, national: string, raw = national): PhoneDetail => ({ raw, e164, national, international, country_code: 'GB', type: 'FIXED_LINE', valid: true });
const page = (url: string, body: string) => parsePage({ url, html: `<html><body>${body}</body></html>` });

const CONTACTS: ExtractedContacts = {
  emails: ['office@works.example', 'info@agency.example'],
  phones: ['+44 1233 612345', '+44 1233 700800'],
  phone_details: [phone('+44 1233 612345', '+441233612345', '01233 612345'), phone('+44 1233 700800', '+441233700800', '01233 700800')],
  addresses: ['12 High Street, Ashford, TN23 1AA'],
};

describe('contactCandidates', () => {
  it('numbers emails, then phones, then addresses, and finds each where it is written, a phone by its digits', () => {
    const pages = [
      page('https://works.example/', '<p>Welcome</p>'),
      page('https://works.example/contact', '<p>Call</p><p>Tel. +44 (0)1233 612 345</p><p>Fax 01233 700800</p><p>12 High Street</p><p>Ashford</p>'),
    ];
    const candidates = contactCandidates(CONTACTS, pages);
    expect(candidates.map((c) => [c.id, c.kind, c.index])).toEqual([
      [1, 'email', 0],
      [2, 'email', 1],
      [3, 'phone', 0],
      [4, 'phone', 1],
      [5, 'address', 0],
    ]);
    expect(candidates[2]).toMatchObject({ url: 'https://works.example/contact', context: 'Call / Tel. +44 (0)1233 612 345' });
    // Two numbers on two lines are two numbers: the fax is found on its own line, not glued to the one above.
    expect(candidates[3]!.context).toBe('Tel. +44 (0)1233 612 345 / Fax 01233 700800');
    // An address written over several lines is shown whole.
    expect(candidates[4]!.context).toBe('Fax 01233 700800 / 12 High Street / Ashford');
    // Emails that only markup holds (a mailto: link, JSON-LD) are shown without a place.
    expect(candidates[0]).toMatchObject({ url: null, context: null });
    expect(candidatesText(candidates)).toContain('[1] email: office@works.example\n    (not found as written in the page text; it came from markup)');
  });

  it('shows at most a bounded stretch of a long line around the value', () => {
    const long = `${'word '.repeat(200)}office@works.example ${'more '.repeat(200)}`;
    const [first] = contactCandidates({ ...CONTACTS, emails: ['office@works.example'], phones: [], phone_details: [], addresses: [] }, [page('https://works.example/', `<p>${long}</p>`)]);
    expect(first!.context!.length).toBeLessThan(300);
    expect(first!.context).toMatch(/^….*office@works\.example.*…$/);
  });
});

describe('applyVerdicts', () => {
  const candidates = contactCandidates(CONTACTS, []);

  it('removes exactly the numbers rejected, keeping phones and phone_details aligned', () => {
    const { contacts, validation } = applyVerdicts(CONTACTS, candidates, { rejected: [{ id: 2, reason: 'third_party' }, { id: 3, reason: 'example' }] });
    expect(contacts.emails).toEqual(['office@works.example']);
    expect(contacts.phones).toEqual(['+44 1233 700800']);
    expect(contacts.phone_details.map((p) => p.international)).toEqual(contacts.phones);
    expect(contacts.addresses).toEqual(CONTACTS.addresses);
    expect(validation).toEqual({
      checked: 5,
      removed: [
        { kind: 'email', value: 'info@agency.example', reason: 'third_party' },
        { kind: 'phone', value: '+44 1233 612345', reason: 'example' },
      ],
    });
  });

  it('cannot add, alter or double-remove: unknown and repeated numbers change nothing, unshown contacts stay', () => {
    const shown = candidates.slice(0, 2);
    const { contacts, validation } = applyVerdicts(CONTACTS, shown, {
      rejected: [{ id: 1, reason: 'malformed' }, { id: 1, reason: 'example' }, { id: 4, reason: 'example' }, { id: 42, reason: 'example' }, { id: -1, reason: 'example' }],
    });
    expect(contacts).toEqual({ ...CONTACTS, emails: ['info@agency.example'] });
    expect(validation).toEqual({ checked: 2, removed: [{ kind: 'email', value: 'office@works.example', reason: 'malformed' }] });
  });
});

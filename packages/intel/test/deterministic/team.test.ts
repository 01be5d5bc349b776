import { describe, expect, it } from 'vitest';
import { deterministicTeam, looksLikeName, parsePage } from '../../src/index.js';
import { TEAM_PAGES } from '../fixtures/team-pages.js';

describe('deterministicTeam', () => {
  it.each(TEAM_PAGES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const people = deterministicTeam([parsePage({ url: c.url, html: c.html })]);
    expect(people).toEqual(c.want);
  });

  it('merges the same person found by two extractors, the first source filling first', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"Person","name":"Sarah Johnson","jobTitle":"CEO"}</script></head>
<body><div class="team-member"><h3>Sarah Johnson</h3><p class="role">Chief Executive</p><a href="mailto:sarah@techstart.com">mail</a></div></body></html>`;
    expect(deterministicTeam([parsePage({ url: 'https://t.example/team', html })])).toEqual([
      { name: 'Sarah Johnson', title: 'CEO', email: 'sarah@techstart.com', linkedin: null, source: 'jsonld' },
    ]);
  });

  it('finds nobody on a page without people', () => {
    const html = '<html><body><h1>Our Services</h1><div class="card"><h3>Web Design</h3><p>Sites that convert.</p></div><div class="team-intro"><h2>Our Team</h2><p>We are 12 people.</p></div></body></html>';
    expect(deterministicTeam([parsePage({ url: 'https://x.example/', html })])).toEqual([]);
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Sarah Johnson', true],
    ['Jean-Pierre Dubois', true],
    ['Jörg von Essen', true],
    ['Our Team', false],
    ['Unser Team', false],
    ['Contact Us', false],
    ['sarah johnson', false],
    ['Madonna', false],
    ['Call 555 0100', false],
  ])('%s → %s', (text, want) => {
    expect(looksLikeName(text)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGroundingIndex, groundPeople, nameOnPages, parsePage } from '../src/index.js';

const index = buildGroundingIndex([
  parsePage({
    url: 'https://co.example/team',
    html: `<body><h3>José  Álvarez</h3><p>CTO</p><a href="mailto:Jose@Co.example">mail</a><a href="https://www.linkedin.com/in/jose-alvarez/">in</a>
<p>Write to anna@co.example.</p><p>Annabel Lee</p></body>`,
  }),
]);

describe('nameOnPages', () => {
  it.each([
    ['José Álvarez', true],
    ['jose alvarez', true],
    ['Jose', true],
    ['Anna', false],
    ['Annabel Lee', true],
    ['Lee Annabel', false],
  ])('%s → %s', (name, want) => {
    expect(nameOnPages(name, index)).toBe(want);
  });
});

describe('groundPeople', () => {
  it('keeps what the pages show, nulls unseen emails and LinkedIn URLs, drops unseen people, and counts', () => {
    const { people, dropped } = groundPeople(
      [
        { name: 'José Álvarez', title: 'CTO', email: 'jose@co.example', linkedin: 'linkedin.com/in/jose-alvarez' },
        { name: 'Annabel Lee', title: null, email: 'annabel@co.example', linkedin: 'https://linkedin.com/in/annabel' },
        { name: 'Ghost Writer', title: 'CEO', email: null, linkedin: null },
        { name: 'José Álvarez', title: 'duplicate', email: null, linkedin: null },
      ],
      index,
    );
    expect(people).toEqual([
      { name: 'José Álvarez', title: 'CTO', email: 'jose@co.example', linkedin: 'https://www.linkedin.com/in/jose-alvarez/' },
      { name: 'Annabel Lee', title: null, email: null, linkedin: null },
    ]);
    expect(dropped).toEqual({ dropped_people: 1, dropped_emails: 1, dropped_linkedin: 1 });
  });
});

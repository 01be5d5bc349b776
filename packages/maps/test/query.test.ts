import { describe, expect, it } from 'vitest';
import { splitQuery } from '../src/query.js';

describe('splitQuery', () => {
  it.each([
    ['plumbers in Austin, TX', 'en', 'plumbers', 'Austin, TX'],
    ['italian restaurants in Boston', 'en', 'italian restaurants', 'Boston'],
    ['dentists near Boston, MA', 'en', 'dentists', 'Boston, MA'],
    ['Zahnarzt in Berlin', 'de', 'Zahnarzt', 'Berlin'],
    ['Bäckerei bei München', 'de', 'Bäckerei', 'München'],
    ['restaurantes en Madrid', 'es', 'restaurantes', 'Madrid'],
    ['fontanero cerca de Sevilla', 'es', 'fontanero', 'Sevilla'],
    ['plombier à Lyon', 'fr', 'plombier', 'Lyon'],
    ['boulangerie près de Paris', 'fr', 'boulangerie', 'Paris'],
    ['ristoranti a Roma', 'it', 'ristoranti', 'Roma'],
    ['dentista em Lisboa', 'pt', 'dentista', 'Lisboa'],
    ['bed and breakfast in a barn in Vermont', 'en', 'bed and breakfast in a barn', 'Vermont'],
    ['find a plumber', 'en', 'find a plumber', null],
    ['plumbers', 'en', 'plumbers', null],
    ['  cafés   in   Paris  ', 'en', 'cafés', 'Paris'],
    ['in Boston', 'en', 'in Boston', null],
  ])('%s (%s)', (query, lang, what, where) => {
    expect(splitQuery(query, lang)).toEqual({ what, where });
  });

  it('treats the Italian "a" as a separator only for Italian or Spanish', () => {
    expect(splitQuery('pizza a Napoli', 'en')).toEqual({ what: 'pizza a Napoli', where: null });
    expect(splitQuery('pizza a Napoli', 'it')).toEqual({ what: 'pizza', where: 'Napoli' });
  });
});

/**
 * Business words → OpenStreetMap tag filters, in several languages (maps-providers.md §3.2 step 3).
 * A word that is not in the table falls back to a case-insensitive name match.
 */

/** One tag condition: an exact value, or a regular expression over the value (Overpass `~`). */
export interface TagCondition {
  key: string;
  value: string;
  match: 'exact' | 'regex';
}

/**
 * All conditions of one filter must hold (AND). A query's alternatives are separate filters whose
 * results are united (dentist → `amenity=dentist` OR `healthcare=dentist`).
 */
export type TagFilter = TagCondition[];

/** How the "what" of a query was understood. */
export interface TagQuery {
  /** Alternatives, united. Never empty. */
  filters: TagFilter[];
  /** True when no table word matched and the filters are a name match. */
  nameFallback: boolean;
}

interface CategoryEntry {
  words: string[];
  filters: TagFilter[];
}

const tag = (key: string, value: string): TagCondition => ({ key, value, match: 'exact' });

/** Category words (singular; plurals are derived), English, German, Spanish, French, Italian, Portuguese, Dutch. */
const CATEGORIES: CategoryEntry[] = [
  { words: ['plumber', 'plumbing', 'klempner', 'installateur', 'sanitär', 'fontanero', 'plomero', 'plombier', 'idraulico', 'encanador', 'canalizador', 'loodgieter'], filters: [[tag('craft', 'plumber')]] },
  { words: ['electrician', 'elektriker', 'electricista', 'électricien', 'elettricista', 'eletricista', 'elektricien'], filters: [[tag('craft', 'electrician')]] },
  { words: ['carpenter', 'tischler', 'schreiner', 'carpintero', 'menuisier', 'falegname', 'carpinteiro', 'timmerman'], filters: [[tag('craft', 'carpenter')]] },
  { words: ['roofer', 'dachdecker', 'couvreur', 'techador'], filters: [[tag('craft', 'roofer')]] },
  { words: ['locksmith', 'schlüsseldienst', 'cerrajero', 'serrurier', 'fabbro', 'chaveiro', 'slotenmaker'], filters: [[tag('craft', 'locksmith')], [tag('shop', 'locksmith')]] },
  { words: ['painter', 'maler', 'pintor', 'peintre', 'imbianchino', 'schilder'], filters: [[tag('craft', 'painter')]] },
  { words: ['restaurant', 'restaurante', 'ristorante', 'trattoria', 'osteria', 'gaststätte', 'eatery'], filters: [[tag('amenity', 'restaurant')]] },
  { words: ['cafe', 'café', 'coffee shop', 'coffee', 'kaffee', 'cafetería', 'cafeteria', 'caffè', 'koffiehuis'], filters: [[tag('amenity', 'cafe')]] },
  { words: ['bar', 'kneipe', 'bistrot'], filters: [[tag('amenity', 'bar')], [tag('amenity', 'pub')]] },
  { words: ['pub'], filters: [[tag('amenity', 'pub')]] },
  { words: ['fast food', 'imbiss', 'comida rápida', 'restauration rapide'], filters: [[tag('amenity', 'fast_food')]] },
  { words: ['bakery', 'bäckerei', 'bäcker', 'panadería', 'boulangerie', 'panetteria', 'panificio', 'padaria', 'bakkerij'], filters: [[tag('shop', 'bakery')]] },
  { words: ['hotel', 'hôtel', 'albergo'], filters: [[tag('tourism', 'hotel')]] },
  { words: ['hostel', 'jugendherberge', 'albergue', 'auberge de jeunesse', 'ostello'], filters: [[tag('tourism', 'hostel')]] },
  { words: ['dentist', 'dental clinic', 'zahnarzt', 'zahnärztin', 'dentista', 'dentiste', 'tandarts'], filters: [[tag('amenity', 'dentist')], [tag('healthcare', 'dentist')]] },
  { words: ['doctor', 'physician', 'arzt', 'ärztin', 'médico', 'médecin', 'medico', 'huisarts', 'dokter'], filters: [[tag('amenity', 'doctors')], [tag('healthcare', 'doctor')]] },
  { words: ['pharmacy', 'drugstore', 'chemist', 'apotheke', 'farmacia', 'pharmacie', 'farmácia', 'apotheek'], filters: [[tag('amenity', 'pharmacy')], [tag('healthcare', 'pharmacy')]] },
  { words: ['hospital', 'krankenhaus', 'klinikum', 'hôpital', 'ospedale', 'ziekenhuis'], filters: [[tag('amenity', 'hospital')]] },
  { words: ['veterinarian', 'vet', 'tierarzt', 'veterinario', 'vétérinaire', 'veterinário', 'dierenarts'], filters: [[tag('amenity', 'veterinary')]] },
  { words: ['gym', 'fitness center', 'fitness centre', 'fitness studio', 'fitnessstudio', 'gimnasio', 'salle de sport', 'palestra', 'academia', 'sportschool'], filters: [[tag('leisure', 'fitness_centre')]] },
  { words: ['hairdresser', 'hair salon', 'barber', 'friseur', 'peluquería', 'coiffeur', 'parrucchiere', 'barbiere', 'cabeleireiro', 'kapper'], filters: [[tag('shop', 'hairdresser')]] },
  { words: ['supermarket', 'grocery store', 'grocery', 'supermarkt', 'supermercado', 'supermarché', 'supermercato'], filters: [[tag('shop', 'supermarket')]] },
  { words: ['bank', 'banco', 'banque', 'banca'], filters: [[tag('amenity', 'bank')]] },
  { words: ['lawyer', 'attorney', 'law firm', 'anwalt', 'rechtsanwalt', 'abogado', 'avocat', 'avvocato', 'advogado', 'advocaat'], filters: [[tag('office', 'lawyer')]] },
  { words: ['accountant', 'steuerberater', 'contador', 'comptable', 'commercialista', 'contabilista', 'boekhouder'], filters: [[tag('office', 'accountant')], [tag('office', 'tax_advisor')]] },
  { words: ['real estate agent', 'real estate', 'estate agent', 'realtor', 'immobilienmakler', 'makler', 'inmobiliaria', 'agence immobilière', 'agenzia immobiliare', 'imobiliária', 'makelaar'], filters: [[tag('office', 'estate_agent')]] },
  { words: ['car repair', 'mechanic', 'auto repair', 'garage', 'autowerkstatt', 'werkstatt', 'taller mecánico', 'taller', 'officina', 'oficina mecânica'], filters: [[tag('shop', 'car_repair')]] },
  { words: ['gas station', 'petrol station', 'tankstelle', 'gasolinera', 'station-service', 'distributore di benzina', 'posto de gasolina'], filters: [[tag('amenity', 'fuel')]] },
  { words: ['florist', 'flower shop', 'blumenladen', 'floristería', 'fleuriste', 'fioraio', 'floricultura', 'bloemist'], filters: [[tag('shop', 'florist')]] },
  { words: ['bookstore', 'bookshop', 'buchhandlung', 'librería', 'librairie', 'libreria', 'livraria', 'boekhandel'], filters: [[tag('shop', 'books')]] },
  { words: ['butcher', 'metzgerei', 'metzger', 'carnicería', 'boucherie', 'macelleria', 'açougue', 'talho', 'slager'], filters: [[tag('shop', 'butcher')]] },
  { words: ['school', 'schule', 'escuela', 'école', 'scuola', 'escola', 'school'], filters: [[tag('amenity', 'school')]] },
  { words: ['kindergarten', 'daycare', 'kita', 'guardería', 'crèche', 'asilo nido', 'creche'], filters: [[tag('amenity', 'kindergarten')], [tag('amenity', 'childcare')]] },
  { words: ['optician', 'optiker', 'óptica', 'opticien', 'ottico', 'opticien'], filters: [[tag('shop', 'optician')]] },
  { words: ['laundry', 'laundromat', 'wäscherei', 'waschsalon', 'lavandería', 'laverie', 'lavanderia', 'wasserette'], filters: [[tag('shop', 'laundry')]] },
];

/** Cuisine words narrow a food query (`cuisine` is `;`-separated, e.g. `italian;pizza`). */
const CUISINES: Array<{ words: string[]; value: string }> = [
  { words: ['italian', 'italienisch', 'italienische', 'italiano', 'italiana', 'italien', 'italienne'], value: 'italian' },
  { words: ['pizza', 'pizzeria'], value: 'pizza' },
  { words: ['chinese', 'chinesisch', 'chinesische', 'chino', 'china', 'chinois', 'cinese'], value: 'chinese' },
  { words: ['japanese', 'japanisch', 'japanische', 'japonés', 'japonais', 'giapponese'], value: 'japanese' },
  { words: ['sushi'], value: 'sushi' },
  { words: ['mexican', 'mexikanisch', 'mexikanische', 'mexicano', 'mexicain', 'messicano'], value: 'mexican' },
  { words: ['indian', 'indisch', 'indische', 'indio', 'indien', 'indiano'], value: 'indian' },
  { words: ['thai', 'thailändisch', 'tailandés', 'thaïlandais', 'tailandese'], value: 'thai' },
  { words: ['french', 'französisch', 'francés', 'français', 'francese'], value: 'french' },
  { words: ['greek', 'griechisch', 'griego', 'grec', 'greco'], value: 'greek' },
  { words: ['vietnamese', 'vietnamesisch', 'vietnamita', 'vietnamien'], value: 'vietnamese' },
  { words: ['burger', 'hamburger'], value: 'burger' },
  { words: ['vegan'], value: 'vegan' },
];

/** Lower case without accents, so "Café" and "cafe" match the same word. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The singular spellings a plural word may stand for: restaurants → restaurant, pharmacies → pharmacy. */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('en')) forms.push(word.slice(0, -2), word.slice(0, -1));
  return forms;
}

function tokens(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** True when `phrase` (one or more words) occurs in the token list, each token maybe plural. */
function containsPhrase(words: string[], phrase: string): boolean {
  const target = tokens(phrase);
  if (target.length === 0) return false;
  for (let i = 0; i + target.length <= words.length; i += 1) {
    if (target.every((t, j) => singulars(words[i + j] ?? '').includes(t))) return true;
  }
  return false;
}

/** Escapes a literal for an Overpass regular expression. */
function regexLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Understands the "what" of a query. Category words give tag filters; cuisine words add a `cuisine`
 * condition (and imply a restaurant when no category was named); anything else becomes a
 * case-insensitive match on `name`.
 */
export function tagsForWhat(what: string): TagQuery {
  const words = tokens(what);
  const categories = CATEGORIES.filter((entry) => entry.words.some((w) => containsPhrase(words, w)));
  const cuisines = CUISINES.filter((entry) => entry.words.some((w) => containsPhrase(words, w)));
  const cuisineConditions: TagCondition[] = cuisines.map((c) => ({
    key: 'cuisine',
    value: `(^|;)\\s*${regexLiteral(c.value)}\\s*(;|$)`,
    match: 'regex',
  }));
  let base: TagFilter[] = categories.flatMap((entry) => entry.filters);
  if (base.length === 0 && cuisineConditions.length > 0) {
    base = [[tag('amenity', 'restaurant')], [tag('amenity', 'fast_food')]];
  }
  if (base.length > 0) {
    return { filters: base.map((filter) => [...filter, ...cuisineConditions]), nameFallback: false };
  }
  const phrase = what.trim().replace(/\s+/g, ' ');
  return { filters: [[{ key: 'name', value: regexLiteral(phrase), match: 'regex' }]], nameFallback: true };
}

import { addressFormat, addressFormats } from './address-formats.js';
import { memoize } from '../memo.js';

/**
 * Plain-text postal address detection. A candidate starts at a street (street-type words of many
 * languages next to a house number), a post-office box, a Japanese 〒 postcode or a leading
 * postcode (the Russian and Ukrainian "125009, Москва, ул. …" order), takes up to three following
 * lines, and ends after the last-line pattern of some country's format: postcode then town
 * ("47051 Duisburg", "CH-8001 Zürich"), or town, state and postcode ("Tucson, Arizona 85701",
 * "Ashford, Kent, TN23 1AA", "Bengaluru, Karnataka 560001"). Postcode shapes, their order and the
 * state names come from Google's address data (`address-formats.ts`); the street and label words
 * are ours. Each candidate is scored; a town or region on its own ("Springfield, Illinois") never
 * reaches the bar because it has neither a street nor a postcode line.
 */

/** Not preceded / followed by a letter or digit (JavaScript's `\b` only knows ASCII). */
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A word as it is written in running text, capitalised and in capitals: street words are not case-insensitive in `u` mode. */
const cased = (words: readonly string[]): string =>
  words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]).map(escape).join('|');

/** Country names as addresses end with them (English and local forms), lower case; `COUNTRY_NAME` and `stripCountry` use them. */
const COUNTRIES = [
  'united states of america', 'united states', 'usa', 'u.s.a.', 'united kingdom', 'uk', 'deutschland', 'germany', 'france', 'italia',
  'italy', 'españa', 'spain', 'australia', 'brasil', 'brazil', 'portugal', 'österreich', 'austria', 'schweiz', 'suisse',
  'switzerland', 'nederland', 'the netherlands', 'netherlands', 'belgique', 'belgië', 'belgium', 'canada', 'india', 'japan', '日本',
  'россия', 'russia', 'україна', 'ukraine', 'united arab emirates', 'uae', 'u.a.e.', 'u.a.e', 'qatar', 'kuwait', 'saudi arabia',
  'south africa', 'new zealand', 'ireland', 'méxico', 'mexico', 'indonesia', 'việt nam', 'vietnam', 'viet nam', 'thailand',
  'singapore', 'malaysia', 'perú', 'peru', 'uruguay', 'chile', 'egypt', 'kenya', 'uganda', 'poland', 'polska', 'czech republic',
  'česká republika', 'türkiye', 'turkey', 'sverige', 'sweden', 'norge', 'norway', 'serbia', 'srbija',
];
const titled = (w: string): string => w.replace(/(^|[\s.])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
/** A country name as written in an address, capitalised or in capitals ("Indonesia", "INDONESIA"). */
const COUNTRY_NAME = String.raw`(?:${[...new Set(COUNTRIES.flatMap((c) => [titled(c), c.toUpperCase()]))].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\p{L}])`;
const COUNTRY_SUFFIX = new RegExp(
  String.raw`,?\s*(?<![\p{L}])(?:${COUNTRIES.map(escape).join('|')})\.?$`,
  'iu',
);

/** English street types (US, UK, Canada, Australia, New Zealand, India, South Africa, Singapore). */
const EN_STREET = [
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'way', 'court', 'ct',
  'place', 'pl', 'parade', 'pde', 'highway', 'hwy', 'freeway', 'fwy', 'parkway', 'pkwy', 'expressway', 'expy', 'terrace', 'tce',
  'close', 'crescent', 'cres', 'square', 'sq', 'row', 'mews', 'gardens', 'circle', 'cir', 'trail', 'trl', 'pike', 'loop',
  'plaza', 'walk', 'grove', 'green', 'esplanade', 'quay', 'wharf', 'promenade', 'broadway', 'hill', 'rise', 'vale', 'view',
  'park', 'market', 'gate', 'yard', 'arcade', 'turnpike', 'alley', 'path', 'point', 'pt', 'run', 'pass', 'crossing',
  // India
  'marg', 'nagar', 'colony', 'layout', 'cross', 'main', 'chowk', 'bazaar', 'bazar', 'enclave', 'vihar', 'puram', 'salai',
];
/** Street-type endings of compound names: German, Dutch, the Nordic languages, Hungarian. */
const SUFFIX_STREET = [
  'straße', 'strasse', 'str.', 'weg', 'gasse', 'platz', 'allee', 'ring', 'damm', 'ufer', 'markt', 'steig', 'pfad', 'chaussee',
  'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'steeg', 'hof', 'gatan', 'gata', 'vägen', 'väg', 'vej', 'veien',
  'vegen', 'gade', 'katu', 'tie', 'utca', 'körút',
];
/** Street types written before the name: Romance languages, Polish, Czech, Turkish. */
const PREFIX_STREET = [
  'via', 'viale', 'piazza', 'piazzale', 'corso', 'largo', 'vicolo', 'strada', 'contrada', 'località', 'loc.', 'borgo',
  'lungomare', 'calle', 'c/', 'avenida', 'avda.', 'avda', 'av.', 'avinguda', 'plaza', 'plaça', 'paseo', 'passeig', 'carrer',
  'camino', 'carretera', 'ctra.', 'ronda', 'rambla', 'travesía', 'glorieta', 'rua', 'r.', 'travessa', 'praça', 'alameda',
  'rodovia', 'estrada', 'avenue', 'boulevard', 'bd', 'rue', 'chemin', 'allée', 'impasse', 'quai', 'place', 'route', 'cours',
  'ulica', 'ul.', 'aleja', 'al.', 'ulice', 'náměstí', 'cadde', 'caddesi', 'sokak', 'sok.', 'mahallesi', 'mah.', 'strada',
  'jalan', 'jl.', 'jr.', 'jirón', 'pasaje', 'soi', 'rehov', 'calea', 'bulevardul', 'str-da',
];
/** Cyrillic street types (Russian, Ukrainian, Belarusian, Kazakh addresses), abbreviated or not. */
const CYRILLIC_STREET = [
  'ул', 'вул', 'улица', 'вулиця', 'пр', 'просп', 'проспект', 'пр-т', 'пл', 'площадь', 'площа', 'пер', 'переулок', 'провулок',
  'бул', 'бульв', 'бульвар', 'б-р', 'ш', 'шоссе', 'шосе', 'наб', 'набережная', 'набережна', 'мкр', 'мкрн', 'тупик', 'проезд',
];
/** French street types after a house number ("12 rue des Lilas", "3 bis avenue Foch"). */
const FR_STREET = [
  'rue', 'avenue', 'av.', 'boulevard', 'bd', 'bld', 'place', 'chemin', 'allée', 'impasse', 'quai', 'cours', 'route', 'square',
  'passage', 'rond-point', 'faubourg', 'voie', 'sentier', 'parvis', 'esplanade', 'promenade', 'cité', 'résidence', 'zone',
];

/** Words that a number follows without making a street: units, months, document parts. */
const NOT_A_STREET = `(?:${cased([
  'level', 'suite', 'unit', 'floor', 'shop', 'apt', 'office', 'room', 'box', 'building', 'bldg', 'block', 'blk', 'flat', 'stock',
  'etage', 'piso', 'planta', 'andar', 'sala', 'büro', 'haus', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember', 'page', 'seite', 'version', 'chapter',
  'kapitel', 'step', 'schritt', 'tel', 'fax', 'no', 'nr', 'top', 'tür', 'gate', 'terminal', 'hall', 'halle', 'stand', 'booth',
])})`;

const STREETS: readonly RegExp[] = [
  // 1234 E Main Rd / 4 High Street / 221B Baker Street / 12-14 Market St / 123, MG Road
  new RegExp(String.raw`${B}\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5}[A-Za-z]?|[-–](?=\s))?,?\s+(?:\p{N}*[\p{L}'’.&-][\p{L}\p{N}'’.&-]*,?\s+(?:[\p{L}\p{N}'’.&-]+,?\s+){0,4})?(?:${cased(EN_STREET)})\.?${E}`, 'u'),
  // 12 rue des Lilas / 3 bis avenue Foch
  new RegExp(String.raw`${B}\d{1,4}(?:\s?(?:bis|ter|[A-D]))?,?\s+(?:${cased(FR_STREET)})\s+\p{L}`, 'u'),
  // Musterweg 12 / Kölner Straße 5a / Keizersgracht 123 / Storgatan 4 / Andrássy út 12
  new RegExp(String.raw`(?:\p{Lu}[\p{L}.-]*\s+){0,2}[\p{L}.-]*(?:${cased(SUFFIX_STREET)})\s*\d{1,4}(?:\s?[a-zA-Z]|[-–/]\d{1,4})?${E}`, 'u'),
  // Via Roma 12 / Calle de Alcalá, 123 / Rua Augusta, 100 / Avenida Paulista, 1578 / C/ Mayor 5 / ul. Długa 5
  new RegExp(String.raw`${B}(?:${cased(PREFIX_STREET)})\s*(?:[\p{L}\p{N}'’.-]+\s+){0,6}?[\p{L}'’.)-]+,?\s+(?:[nN][º°oO.]\s*|[nN]º\s*|[nN][oO]\.?\s*)?\d{1,5}${E}`, 'u'),
  // вул. Хрещатик, 22 / ул. Тверская, д. 7 / проспект Мира 12
  new RegExp(String.raw`${B}(?:${CYRILLIC_STREET.map(escape).join('|')})\.?\s*(?:[\p{L}\p{N}'’.-]+\s+){0,4}?[\p{L}'’.-]+,?\s+(?:(?:д|буд|будинок|дом)\.?\s*)?\d{1,4}`, 'iu'),
  // Liethberg 17 / Reicher-Leute-Stege 12 / Moravská Huzová 119 / Křižíkova 140/23: a name and a house
  // number that end the line or its first part; taken only when a postcode line follows.
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?!${NOT_A_STREET}(?![\p{L}]))(?:\d{1,2}\s+(?=\p{Lu}))?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}\p{Ll}[\p{L}.'’-]*\s+\d{1,4}(?:\s?[a-zA-Z]|[-–/]\d{1,4}[a-zA-Z]?)?(?=\s*(?:,|$))`, 'u'),
  // Ciudad de Montevideo entre 11 y 1 / Rivera esq. Colonia: a corner instead of a house number (Uruguay, Argentina, Cuba)
  /(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}.'’-]*\s+(?:(?:de|del|la|las|los)\s+)?){1,4}(?:entre\s+[\p{L}\p{N}.'’ -]{1,30}?\s+y\s+[\p{L}\p{N}.'’-]+|esq(?:\.|uina)\s+[\p{L}\p{N}.'’-]+)/u,
  // Plot No. 45 / Door No 12 / #12, 3rd Cross / No. 5 / Sector 18 (India)
  /(?<![\p{L}\p{N}])(?:(?:plot|shop|flat|door|house|site|survey|h)\.?\s*no\.?\s*[\w/-]+|#\s?\d+[\w/-]*,|no\.\s*\d+[\w/-]*,|sector\s+\d+)/iu,
];

/**
 * A house number and a name with no street word ("9NO2 Nguyễn Cảnh Dị", "Số 189, phố Gò Mun"), as
 * Vietnamese and many other addresses start: taken only on a line an address label introduces.
 */
const NUMBER_FIRST = /^(?:(?:số|Số|SỐ|no\.?|No\.?|NO\.?)\s*)?\d{1,5}[A-Za-z]{0,3}\d{0,3}(?:[/-]\d{1,4})?,?\s+(?:(?:phố|đường|ngõ|ngách|hẻm|Phố|Đường|Ngõ|Hẻm)\s+)?\p{Lu}\p{L}*/u;

/** P.O. boxes, the postal address in the Gulf and common elsewhere. */
const PO_BOX = /(?<![\p{L}\p{N}])(?:p\.?\s?o\.?\s?box|post\s?box|pob|postfach|caixa postal|c\.?p\.?\s(?=\d)|apartado(?: de correos)?|casella postale|boîte postale|b\.p\.|ص\.?\s?ب\.?)\s*[:.]?\s*\d{1,6}(?![\p{N}])/iu;
/** A Japanese postcode with its mark: 〒150-0002. */
const JP_POSTCODE = /〒\s?[0-9０-９]{3}[-－ー‐]?[0-9０-９]{4}/u;
/** A building name and room or floor, as it follows a Japanese block number: "ビンセプト 203号", "第2ビル 5階". */
const JP_BUILDING = /^[^\s\d０-９、,（(]{1,24}\s*[0-9０-９]{1,4}(?:号室|号|階|[FＦ])/u;
/** A line naming the region or town before the street, as Ukrainian, Russian and Vietnamese addresses start: "Кіровоградська обл.," or "м. Знам'янка,". */
const REGION_LINE = /^[^\d]{2,50}(?<![\p{L}])(?:обл|область|р-н|район|край|м|г|с|смт|пгт|місто|город|tỉnh|thành phố|tp|quận|huyện)\.?(?![\p{L}])[^\d]*,\s*$|^(?:(?:м|г|с|смт|пгт|tp|tỉnh|thành phố)\.?\s+)\p{Lu}[^\d]{1,40},\s*$/iu;
/** A landmark standing in for a house number ("Fortportal City, Opp. Kitumba Mosque", "Near Bus Stand, Main Road"). */
const LANDMARK = /(?<![\p{L}])(?:opp\.?|opposite|near|behind|beside|next to|in front of|adjacent to)\s+\p{Lu}/iu;
/** A postcode leading the line, as in "125009, Москва, ул. Тверская, 7". */
const LEADING_POSTCODE = /^\d{5,6},\s*(?=\p{L})/u;
/** A town written before the street, as in "г. Москва, ул. Тверская, д. 7". */
const TOWN_PREFIX = /^(?:\d{5,6},\s*)?(?:(?:г|м|с|пгт|смт|місто|город)\.?\s*)?\p{Lu}[\p{Script=Cyrillic}-]+(?:\s\p{Lu}[\p{Script=Cyrillic}-]+)?,\s*$/u;
/** Units and buildings written before the street: "Shop 3, 45 Campbell Parade", "Suite 200, 1 Main St". */
const UNIT_PREFIX = /^(?:(?:shop|unit|suite|level|floor|apt|ste|office|flat|bldg|building|bâtiment|étage|piso|planta|andar|sala)\.?\s*#?\d+[a-z]?\s*[,/]?\s*)+$/i;

/** Words that label an address, in many languages, with or without a colon after them. */
const LABEL_WORDS = [
  'address', 'our address', 'postal address', 'mailing address', 'head office', 'registered office', 'visit us(?: at)?',
  'find us(?: at)?', 'located at', 'we are at', 'adresse', 'anschrift', 'postanschrift', 'besuchsadresse', 'hausanschrift',
  'siège social', 'dirección', 'direccion', 'domicilio', 'indirizzo', 'sede legale', 'sede operativa', 'endereço', 'endereco',
  'morada', 'adresa', 'adresas', 'adress', 'adres', 'osoite', 'cím', 'direcció', 'aadress', 'adrese', 'адрес', 'адреса',
  'наш адрес', 'наша адреса', 'юридический адрес', 'юридична адреса', 'địa chỉ', 'alamat', '住所', '所在地', 'العنوان', 'عنوان', 'כתובת',
];
/** Words that are only a label with a colon after them ("Office: 12 Main St", not "Office 504"), or alone on their line. */
const COLON_WORDS = [
  'office', 'our office', 'location', 'our location', 'sitz', 'kanzlei', 'standort', 'siège', 'ubicación', 'sede', 'localização',
  '本社', 'workshop', 'studio', 'showroom', 'store', 'shop', 'trụ sở', 'văn phòng',
];
/** An address label at the start of a line; stripped from it and worth a point. */
const ADDRESS_LABEL = new RegExp(
  String.raw`^\s*(?:(?:${LABEL_WORDS.join('|')})\s*[:：\-–]?|(?:${COLON_WORDS.join('|')})\s*[:：]|📍)\s*`,
  'iu',
);
/** A line that is nothing but a label ("Adresa", "Our Location", "Địa chỉ:"): it labels the line after it. */
const LABEL_LINE = new RegExp(String.raw`^\s*(?:${[...LABEL_WORDS, ...COLON_WORDS, 'locate us', 'where to find us', 'how to find us'].join('|')}|📍)\s*[:：!]?\s*$`, 'iu');
/** Where an address line stops: contact details after it on the same line. */
const CONTACT_TOKEN =
  /[\w.+-]+@|https?:|www\.|(?:^|[\s,;(|])(?:(?:tel|tél|phone|fax|e-?mail|mail|telefon|telefone|teléfono|telefono|mob|mobile|call|ph|電話)\s*[.:：]|(?:tel|fax|電話)\s*[\d(+]|[tfepm]\s*(?::|\.(?=\s*[+\d(])))|\+\d{2}|\(\d{3}\)\s*\d{3}|©|copyright/iu;
/** A line that only introduces a phone or email ("📞", "Hotline", "E-mail:"): an address never continues into it. */
const CONTACT_LINE = /^\s*(?:[📞☎✆✉📧📱]\uFE0F?|hotline|phone|telephone|tel|mobile|e-?mail|fax|whatsapp|điện thoại|telefon|téléphone|teléfono|telefone|телефон)\s*[:.：]?\s*$/iu;
const NOT_ADDRESS_LINE = /opening|hours|öffnungszeiten|orari|horario|horaires|heures|営業時間|geöffnet|mon(?:day)?\s*[-–]\s*fri/i;

const CITY = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:[ -]+(?:(?:am|an|im|in|bei|ob|upon|on|sur|sous|lès|les|de|del|di|da|la|le|en|aan|den|der|op|i)[ -]+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3}(?: \d{1,2}(?![\p{N}])(?:[-–]\p{Lu}[\p{L}\p{M}-]*)?)?(?: \(\p{Lu}\p{Ll}{2,}[\p{L} .-]*\))?`;

/** Words a number follows that make it a unit or box, not a postcode ("Suite 1900"). */
const UNIT_WORD = String.raw`(?<![\p{L}])(?:${cased(['suite', 'ste', 'unit', 'apt', 'floor', 'level', 'room', 'office', 'box', 'no', 'building', 'bldg', 'shop', 'flat', 'sector', 'plot', 'door', 'house'])})\.?`;

interface Tail {
  /** Where the postcode (or box) starts: earlier postcodes win, so a second address on the line is left alone. */
  zipStart: number;
  end: number;
  country: string | null;
  /** The tail names a state or has a postcode shape only one country uses. */
  strong: boolean;
}

interface TailPattern {
  re: RegExp;
  country: string | null;
  strong: (m: RegExpExecArray) => boolean;
  /** A town must stand between the street and the postcode ("Aug 14, 2025" is a date, not "street, postcode"). */
  needsTown?: boolean;
}

let tailPatterns: TailPattern[] | null = null;
let jpPrefectures: RegExp | null = null;

/** Builds the last-line patterns from the address data once per process. */
function tails(): TailPattern[] {
  if (tailPatterns) return tailPatterns;
  const formats = addressFormats();
  const out: TailPattern[] = [];
  const zipFirst = [...new Set(formats.filter((f) => f.postcode && f.postcodeFirst).map((f) => f.postcode!))];
  // 47051 Duisburg / CH-8001 Zürich / 1012 AB Amsterdam / 75002 Paris / 00-950 Warszawa
  out.push({
    re: new RegExp(String.raw`(?<![\p{L}\p{N}#/-])(?<!${UNIT_WORD}\s?)(?:[A-Z]{1,3}[-–]\s?)?(?<zip>${zipFirst.join('|')})${E},?\s+(?:${CITY})`, 'dgu'),
    country: null,
    strong: (m) => /^\d{5}-\d{3}$/.test(m.groups!.zip!),
  });
  // Liberec 6, 460 06 / Wesel, 46485: the town before the postcode at the end of the address, as
  // people also write it in postcode-first countries.
  out.push({
    re: new RegExp(String.raw`\p{L}(?:\s\d{1,2})?,\s*(?<zip>${zipFirst.join('|')})\s*$`, 'dgu'),
    country: null,
    strong: () => false,
    needsTown: true,
  });
  for (const f of formats) {
    if (!f.postcode || f.postcodeFirst || f.country === 'JP') continue;
    const regions = f.regions.filter((r) => r.length >= 2).map(escape).sort((a, b) => b.length - a.length).join('|');
    const state = regions ? String.raw`(?<state>${regions})\.?` : '';
    const between = f.stateBeforePostcode && state ? String.raw`[\s,]+${state}` : state ? String.raw`(?:[\s,–-]+${state})?` : '';
    const after = regions ? String.raw`(?:\s*[,–-]?\s*(?<after>${regions})${E})?` : '';
    const re = new RegExp(
      String.raw`(?:[\p{L}\p{M}.)'’]|\d(?=,))(?<!${UNIT_WORD})${between}(?:[\s,]+${COUNTRY_NAME})?[\s,–-]+(?:(?:CEP|Cep|PIN|Pin|PIN Code|Pincode)[:\s-]*)?(?<zip>${f.postcode})${E}(?![-–/.]\d)${after}`,
      'dgu',
    );
    // A postcode with letters in it ("EC1Y 8SY", "H3Z 2Y7", "LIMA 23") names its country; Ireland's Eircode shape is too loose to.
    const distinctive = (zip: string): boolean => /[A-Z]/.test(zip) && f.country !== 'IE';
    out.push({
      re,
      country: f.country,
      strong: (m) => f.stateBeforePostcode || distinctive(m.groups?.zip ?? '') || Boolean(m.groups?.state ?? m.groups?.after),
    });
  }
  tailPatterns = out;
  return out;
}

function prefectures(): RegExp {
  jpPrefectures ??= new RegExp(`(?:${(addressFormat('JP')?.regions ?? ['東京都']).filter((r) => /[都道府県]$/.test(r)).map(escape).join('|')})`, 'u');
  return jpPrefectures;
}

/**
 * The first country last line in `text` whose postcode starts at or after `from` (the end of the
 * street's house number): the one whose postcode starts earliest, then the longest.
 */
/** Any ASCII digit, searched from `lastIndex`. */
const DIGIT = /\d/g;

function findTail(text: string, from: number): Tail | null {
  // Every postcode has a digit and starts at `from` or later: without one there, none of the patterns can match.
  DIGIT.lastIndex = from;
  if (!DIGIT.test(text)) return null;
  let best: Tail | null = null;
  for (const pattern of tails()) {
    pattern.re.lastIndex = Math.max(0, from - 2);
    let m: RegExpExecArray | null;
    while ((m = pattern.re.exec(text))) {
      const zipStart = m.indices?.groups?.zip?.[0] ?? m.index;
      // Google's loosest patterns (Ireland's "[\dA-Z]{3} ?[\dA-Z]{4}") also match a word ("AFRICAN"): a postcode has a digit.
      const hasDigit = /\d/.test(m.groups?.zip ?? '0');
      if (zipStart >= from && hasDigit && (!pattern.needsTown || /\p{L}{3,}/u.test(text.slice(from, zipStart)))) break;
      pattern.re.lastIndex = m.index + 1;
    }
    if (!m) continue;
    const zipStart = m.indices?.groups?.zip?.[0] ?? m.index;
    const end = m.index + m[0].length;
    if (!best || zipStart < best.zipStart || (zipStart === best.zipStart && end > best.end)) {
      best = { zipStart, end, country: pattern.country, strong: pattern.strong(m) };
    }
  }
  return best;
}

/** Where a town follows a P.O. box: "P.O. Box 12345, Dubai". */
const BOX_TOWN = new RegExp(String.raw`^[\s,–-]+(?:${CITY})`, 'u');

/** Where the first street starts in a line and where that street match ends (its house number), or null. */
function findStreet(line: string, labelled: boolean): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const re of labelled ? [...STREETS, NUMBER_FIRST] : STREETS) {
    const m = re.exec(line);
    if (!m) continue;
    let start = m.index + (m[0].length - m[0].trimStart().length);
    // A house number of two parts keeps its first ("43/1 Moo 6", "2-7-77"): the patterns may start at the second.
    start -= /(?:\d{1,5}[/-])+$/.exec(line.slice(0, start))?.[0].length ?? 0;
    if (!best || start < best.start) best = { start, end: m.index + m[0].length };
  }
  return best;
}

function cleanLine(line: string): string {
  return line
    .replace(/\s*[|·•]\s*/g, ', ')
    .replace(/\s+[-–]\s+(?=\d)/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^[,\s]+|[,\s]+$/g, '');
}

/** Drops a trailing country name: the country is implied by the site and only makes duplicates harder to spot. */
export function stripCountry(line: string): string {
  return line.replace(COUNTRY_SUFFIX, '').replace(/[.,;:\s–-]+$/, '');
}

/** Template and sample addresses: "123 Main St, Anytown", "Musterstraße 1, 12345 Musterstadt", "Street Name 00". */
const PLACEHOLDER_ADDRESS =
  /(?<![\p{L}])(?:anytown|any town|musterstadt|beispielstadt|musterort|your city|city name|street name|your street|your address|straßenname|strassenname|nom de la rue|ville exemple|via esempio|calle ejemplo|rua exemplo|lorem ipsum)(?![\p{L}])|^(?:123|1234|12345)\s+(?:main|any|fake|example|sample|your|street|first)(?![\p{L}])|(?<![\p{N}])(?:00000|12345|99999)\s+\p{L}|(?<![\p{L}])muster(?:straße|strasse|str\.|gasse|weg)\s+1(?![\p{N}])/iu;

/** Whether an address is a template's sample rather than the organisation's own. */
export function isPlaceholderAddress(address: string): boolean {
  return PLACEHOLDER_ADDRESS.test(address);
}

/** How an address was found, for scoring. */
interface Candidate {
  text: string;
  score: number;
}

/** Minimum score: a street (or box, or 〒) and a last line, or a box and a town with a label or an address block around it. */
const ACCEPT = 4;

/** Splits text into the lines a person would read as separate: block boundaries and `|`, `·`, `•` separators. */
function addressLines(text: string): string[] {
  return text
    .split('\n')
    .flatMap((l) => l.split(/\s+[|·•]\s+/))
    .map((l) => l.trim())
    .filter(Boolean);
}

function cutAtContact(line: string): string {
  const at = line.search(CONTACT_TOKEN);
  return at >= 0 ? line.slice(0, at) : line;
}

function japanese(lines: readonly string[], i: number, line: string, labelled: boolean): { candidate: Candidate; last: number } | null {
  const mark = JP_POSTCODE.exec(line);
  const prefecture = prefectures();
  let start = mark ? mark.index : -1;
  if (start < 0) {
    const at = line.search(prefecture);
    if (!labelled || at !== 0) return null;
    start = 0;
  }
  let text = line.slice(start);
  let last = i;
  if (mark && text.replace(JP_POSTCODE, '').trim().length < 3 && i + 1 < lines.length) {
    last = i + 1;
    text = `${text} ${cutAtContact(lines[i + 1]!)}`;
  }
  if (!prefecture.test(text) && !/[市区町村郡]/u.test(text)) return null;
  if (!/[0-9０-９]/u.test(text.replace(JP_POSTCODE, ''))) return null;
  // The building and room are often the next line: "横浜市青葉区榎が丘2-1" then "ビンセプト 203号（2F）".
  const building = last + 1 < lines.length && /[0-9０-９]$/u.test(text.trim()) ? JP_BUILDING.exec(lines[last + 1]!) : null;
  if (building) {
    last += 1;
    text = `${text} ${building[0]}`;
  }
  const score = (mark ? 2 : 0) + 2 + (labelled ? 1 : 0);
  return { candidate: { text: cleanLine(text), score }, last };
}

/** Options of `addressesInText`. */
export interface AddressTextOptions {
  /**
   * A whole page rather than an address block: the street must start its line (after a label, a
   * unit or the town), because an address inside a sentence ("Zuständige Kammer: …, Littenstraße 9…")
   * usually belongs to someone else.
   */
  strict?: boolean;
  /** The text is an `<address>`, footer or contact block: worth a point. */
  block?: boolean;
  /** The text is an `<address>` element: a named place without a house number above a postcode line is taken too. */
  addressElement?: boolean;
}

/**
 * Finds postal addresses written as text, one line each ("Musterweg 12, 47051 Duisburg"), in
 * reading order. Lines with opening hours are skipped and contact details after an address on the
 * same line are cut off, so phones and emails never leak into it.
 */
export function addressesInText(text: string, options: AddressTextOptions | boolean = {}): string[] {
  const { strict = false, block = !strict, addressElement = false } = typeof options === 'boolean' ? { strict: options } : options;
  const lines = addressLines(text);
  const out: string[] = [];
  const labelLine = (at: number): boolean => at >= 0 && LABEL_LINE.test(lines[at]!);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.length > 200 || NOT_ADDRESS_LINE.test(raw)) continue;
    const label = ADDRESS_LABEL.exec(raw);
    const labelled = Boolean(label?.[0].trim()) || labelLine(i - 1);
    const line = cutAtContact(label ? raw.slice(label[0].length) : raw);
    if (!/\d/.test(raw)) {
      // No number at all: only a landmark address under a label ("Location" / "Fortportal City, Opp. Kitumba Mosque").
      const landmark = cleanLine(line);
      if (labelled && LANDMARK.test(landmark) && landmark.includes(',') && landmark.length <= 100) out.push(landmark);
      continue;
    }
    if (JP_POSTCODE.test(line) || /[都道府県]/u.test(line)) {
      const jp = japanese(lines, i, line, labelled);
      if (jp && jp.candidate.score + (block ? 1 : 0) >= ACCEPT) {
        out.push(jp.candidate.text);
        i = jp.last;
        continue;
      }
    }
    const streetMatch = findStreet(line, labelled);
    const street = streetMatch?.start ?? -1;
    const box = PO_BOX.exec(line);
    const leading = LEADING_POSTCODE.test(line);
    if (street < 0 && !box) continue;
    let start = street >= 0 && (!box || street <= box.index) ? street : box!.index;
    const prefix = line.slice(0, start);
    const unit = UNIT_PREFIX.test(prefix.trim()) || /^(?:blk|block)\.?$/i.test(prefix.trim());
    const town = TOWN_PREFIX.test(prefix);
    // A box keeps what precedes it on its line ("Office 504, Al Fattan Tower, P.O. Box 123, Dubai").
    const keepsPrefix = unit || town || leading || (box !== null && /\d|tower|building|floor|road|street|centre|center|plaza/i.test(prefix));
    if (keepsPrefix) start = 0;
    else if (prefix.trim()) {
      // In a block, "Provozovna: Křižíkova 140/23…" or "Branch: 12 High St…": a short label of any language.
      const label = !strict && /^\p{L}[\p{L} .-]{1,30}[:：]\s*$/u.test(prefix);
      if (!label && (strict || prefix.includes(':') || prefix.trim().split(/\s+/).length > 6)) continue;
    }
    // The region and town on the lines before the street ("Кіровоградська обл.," / "м. Знам'янка," / "вул. …, 36").
    let first = i;
    if (!prefix.trim() && !label?.[0].trim()) while (first > 0 && i - first < 2 && REGION_LINE.test(lines[first - 1]!)) first--;
    const before = lines.slice(first, i).map(cleanLine).join(', ');
    const regionFirst = first < i;
    const parts = [cleanLine(line.slice(start))];
    let joined = parts[0]!;
    // The postcode comes after the street's own house number ("Avenida Paulista, 1578 São Paulo SP 01310-200").
    const from = street >= 0 && (!box || street <= box.index) ? Math.max(0, cleanLine(line.slice(start, streetMatch!.end)).length) : 0;
    let tail = leading ? null : findTail(joined, from);
    let j = i;
    while (!tail && !leading && j < i + 3 && j + 1 < lines.length) {
      const next = lines[j + 1]!;
      if (next.length > 80 || NOT_ADDRESS_LINE.test(next) || LABEL_LINE.test(next) || CONTACT_LINE.test(next)) break;
      const cut = cutAtContact(next);
      const kept = cleanLine(cut);
      if (!kept) break;
      j++;
      parts.push(kept);
      joined = parts.join(', ');
      tail = findTail(joined, from);
      // Contact details cut off the line end the address.
      if (cut.length < next.length) break;
    }
    // A name ending in a number ("Studio 3") read as a street, with the street below read as a postcode and
    // town ("1450 W Oak Ave" as 1450 + "W Oak Ave"): that line is a street of its own, and the next line's turn.
    if (tail && startsStreetLine(parts, tail.zipStart)) continue;
    const labelledHere = labelled || (regionFirst && labelLine(first - 1));
    let score = (street >= 0 || leading ? 2 : 0) + (box ? 2 : 0) + (labelledHere ? 1 : 0) + (block ? 1 : 0);
    let end = -1;
    if (leading && street >= 0) {
      score += 2;
      end = parts[0]!.length;
    } else if (tail) {
      score += 2 + (tail.strong ? 1 : 0);
      end = tail.end;
    } else if (box) {
      const after = joined.slice(joined.search(PO_BOX)).replace(PO_BOX, '');
      const townMatch = BOX_TOWN.exec(after);
      if (townMatch) {
        score += 1;
        end = joined.length - after.length + townMatch[0].length;
      }
    } else if (labelledHere && street >= 0) {
      // No postcode (Vietnam, Peru, Ukraine and many others write none): under an address label, the street and a
      // town, ward or region in a part of its own make the address ("Domicilio: Jr. Cruz del Sur N° 140, …, Lima").
      const rest = `${before}, ${cleanLine(line.slice(streetMatch!.end))}`;
      if (/,/.test(rest) && /\p{Lu}[\p{L}\p{M}'’-]{2,}/u.test(rest)) {
        score += 1;
        end = parts[0]!.length;
        joined = parts[0]!;
        j = i;
      }
    }
    if (end < 0 || score < ACCEPT) continue;
    const address = stripCountry((regionFirst ? `${before}, ` : '') + joined.slice(0, end));
    if (address.length < 8 || isPlaceholderAddress(address)) continue;
    out.push(address);
    i = tail && tail.end <= parts[0]!.length ? i : j;
  }
  if (addressElement && out.length === 0) {
    const place = placeAndTown(lines);
    if (place) out.push(place);
  }
  return out;
}

/** Whether `at` (in the parts joined with ", ") is where a later part starts, and that part starts with a street. */
function startsStreetLine(parts: readonly string[], at: number): boolean {
  let offset = parts[0]!.length + 2;
  for (let k = 1; k < parts.length && offset <= at; k++) {
    if (offset === at) return findStreet(parts[k]!, false)?.start === 0;
    offset += parts[k]!.length + 2;
  }
  return false;
}

/**
 * An `<address>` element whose street has no house number, a named place and the postcode line:
 * "Puerto Deportivo Marina Internacional" / "03181 Alicante". Only for that element, which says
 * outright that it holds an address; elsewhere a name above a postcode is usually the company's.
 */
function placeAndTown(lines: readonly string[]): string | null {
  const PLACE = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*\s+(?:(?:de|del|la|di|du|des|von|of|the)\s+)?){1,6}\p{Lu}[\p{L}\p{M}'’.-]+$/u;
  const cleaned = lines.map((l) => cleanLine(cutAtContact(l)));
  for (let i = 0; i < cleaned.length; i++) {
    // The place and the postcode line on one line ("Puerto Deportivo Marina Internacional 03181 Alicante") or two.
    const [place, next] = PLACE.test(cleaned[i]!) && cleaned[i]!.length <= 60 ? [cleaned[i]!, cleaned[i + 1] ?? ''] : ['', cleaned[i]!];
    const tail = findTail(next, 0);
    if (!tail) continue;
    const head = place || next.slice(0, tail.zipStart).replace(/[\s,]+$/, '');
    if (!head || /\d/.test(head) || !PLACE.test(head) || head.length > 60) continue;
    const rest = place ? next : next.slice(tail.zipStart);
    return stripCountry(`${head}, ${rest.slice(0, tail.end - (place ? 0 : tail.zipStart))}`);
  }
  return null;
}

/** Whether a free-text line reads like a postal address (a street or box and a postcode line). */
export function looksLikeAddress(text: string): boolean {
  return addressesInText(text.replace(/\s*\n\s*/g, ', '), { block: true }).length > 0;
}

/**
 * A country implied by an address's last line (a state name, a postcode shape one country uses, 〒),
 * used to pick the phone region. Remembered per address: a site's footer address is asked about on
 * every page, and each question runs every country's pattern.
 */
export const countryFromAddress: (address: string) => string | null = memoize(
  readCountryFromAddress,
  (address) => (address.length <= 500 ? address : null),
  (country) => country,
);

function readCountryFromAddress(address: string): string | null {
  if (JP_POSTCODE.test(address)) return 'JP';
  if (/(?<![\p{N}-])\d{5}-\d{3}(?![\p{N}])/u.test(address)) return 'BR';
  let best: { zipStart: number; country: string } | null = null;
  for (const pattern of tails()) {
    if (!pattern.country) continue;
    pattern.re.lastIndex = 0;
    const m = pattern.re.exec(address);
    if (!m || !pattern.strong(m)) continue;
    const zipStart = m.indices?.groups?.zip?.[0] ?? m.index;
    if (!best || zipStart < best.zipStart) best = { zipStart, country: pattern.country };
  }
  if (best) return best.country;
  if (/(?<![\p{L}])вул\./u.test(address)) return 'UA';
  return STREET_LANGUAGE.find(([re]) => re.test(address))?.[1] ?? null;
}

/**
 * Postcode-first countries share postcode shapes ("69002" is French, German, Italian or Spanish),
 * so the street words tell them apart: "rue" with a postcode and a town is France, "via" Italy, "calle"
 * Spain, "-straße" Germany; "1015 CJ" is Dutch and "00-950" Polish on their own.
 */
const STREET_LANGUAGE: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}\p{N}])\d{4} ?[A-Z]{2}(?![\p{L}\p{N}])/u, 'NL'],
  [/(?<![\p{N}-])\d{2}-\d{3}(?![\p{N}])/u, 'PL'],
  [/(?<![\p{N}-])\d{4}-\d{3}(?![\p{N}])/u, 'PT'],
  [/(?<![\p{L}])(?:rue|avenue|boulevard|chemin|allée|impasse|quai|place|route)(?![\p{L}])[\s\S]*(?<![\p{N}])\d{2} ?\d{3}\s+\p{Lu}/iu, 'FR'],
  [/(?<![\p{L}])(?:via|viale|piazza|piazzale|corso|largo|vicolo|strada)(?![\p{L}])[\s\S]*(?<![\p{N}])\d{5}\s+\p{Lu}/iu, 'IT'],
  [/(?<![\p{L}])(?:calle|c\/|avenida|avda|plaza|paseo|carrer|camino|carretera|ronda|rambla)(?![\p{L}])[\s\S]*(?<![\p{N}])\d{5}\s+\p{Lu}/iu, 'ES'],
  [/(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm)\s*\d[\s\S]*(?<![\p{N}])\d{5}\s+\p{Lu}/iu, 'DE'],
];

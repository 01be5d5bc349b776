/** Page types `target_pages` can name that have multilingual keyword lists. */
export type PageType = 'contact' | 'about' | 'team' | 'news' | 'blog' | 'legal' | 'careers' | 'services' | 'locations';

type Vocabulary = Partial<Record<PageType, string[]>>;

/**
 * What each page type is called in URLs and link texts, per language (ISO 639-1). Words are matched
 * case- and accent-insensitively, so `uber-uns` also matches `über-uns`. Sources: common CMS slugs
 * and the localized navigation of small-business sites; imprint pages count as contact pages in the
 * DACH region because the law puts the address and phone number there.
 */
export const TARGET_VOCABULARY: Record<string, Vocabulary> = {
  en: { contact: ['contact', 'contact-us', 'get-in-touch', 'reach-us', 'enquiry', 'inquiry'], about: ['about', 'about-us', 'who-we-are', 'our-story', 'company'], team: ['team', 'our-team', 'people', 'staff', 'leadership', 'management'], news: ['news', 'press', 'media', 'newsroom', 'announcements'], blog: ['blog', 'articles', 'insights', 'stories'], legal: ['imprint', 'legal', 'legal-notice', 'privacy'], careers: ['careers', 'jobs', 'join-us', 'vacancies'], services: ['services', 'what-we-do', 'solutions', 'products'], locations: ['locations', 'find-us', 'directions', 'offices', 'stores'] },
  de: { contact: ['kontakt', 'kontaktieren', 'anfahrt', 'impressum'], about: ['uber-uns', 'ueber-uns', 'unternehmen', 'wir', 'firma', 'philosophie'], team: ['team', 'mitarbeiter', 'ansprechpartner', 'geschaftsfuhrung'], news: ['aktuelles', 'neuigkeiten', 'presse', 'nachrichten'], blog: ['blog', 'magazin', 'artikel'], legal: ['impressum', 'datenschutz', 'rechtliches'], careers: ['karriere', 'jobs', 'stellenangebote'], services: ['leistungen', 'dienstleistungen', 'angebot'], locations: ['standorte', 'filialen'] },
  fr: { contact: ['contact', 'contactez-nous', 'nous-contacter', 'coordonnees'], about: ['a-propos', 'qui-sommes-nous', 'notre-histoire', 'entreprise', 'societe'], team: ['equipe', 'notre-equipe'], news: ['actualites', 'actus', 'presse', 'nouvelles'], blog: ['blog', 'articles'], legal: ['mentions-legales', 'confidentialite'], careers: ['carrieres', 'recrutement', 'emplois'], services: ['services', 'prestations'], locations: ['agences', 'nous-trouver', 'acces'] },
  es: { contact: ['contacto', 'contactanos', 'contacta', 'contactar'], about: ['sobre-nosotros', 'quienes-somos', 'nosotros', 'empresa', 'acerca-de'], team: ['equipo', 'nuestro-equipo'], news: ['noticias', 'prensa', 'actualidad'], blog: ['blog', 'articulos'], legal: ['aviso-legal', 'privacidad'], careers: ['empleo', 'trabaja-con-nosotros', 'carreras'], services: ['servicios'], locations: ['ubicacion', 'donde-estamos', 'sucursales'] },
  it: { contact: ['contatti', 'contattaci', 'contatto'], about: ['chi-siamo', 'azienda', 'la-nostra-storia'], team: ['team', 'squadra', 'il-team'], news: ['notizie', 'news', 'stampa'], blog: ['blog', 'articoli'], legal: ['note-legali', 'privacy'], careers: ['lavora-con-noi', 'carriere'], services: ['servizi'], locations: ['dove-siamo', 'sedi'] },
  pt: { contact: ['contato', 'contacto', 'contactos', 'fale-conosco'], about: ['sobre', 'sobre-nos', 'quem-somos', 'empresa'], team: ['equipe', 'equipa', 'nossa-equipe'], news: ['noticias', 'imprensa'], blog: ['blog', 'artigos'], legal: ['aviso-legal', 'privacidade'], careers: ['carreiras', 'trabalhe-conosco', 'vagas'], services: ['servicos'], locations: ['localizacao', 'onde-estamos', 'lojas'] },
  nl: { contact: ['contact', 'contact-opnemen', 'neem-contact-op'], about: ['over-ons', 'wie-zijn-wij', 'over'], team: ['team', 'ons-team', 'medewerkers'], news: ['nieuws', 'pers', 'actueel'], blog: ['blog'], legal: ['colofon', 'disclaimer'], careers: ['vacatures', 'werken-bij'], services: ['diensten'], locations: ['locaties', 'vestigingen', 'route'] },
  sv: { contact: ['kontakt', 'kontakta-oss'], about: ['om-oss', 'om-foretaget'], team: ['team', 'medarbetare', 'personal'], news: ['nyheter', 'press'], blog: ['blogg'], careers: ['karriar', 'jobba-hos-oss'], services: ['tjanster'] },
  da: { contact: ['kontakt', 'kontakt-os'], about: ['om-os', 'om-virksomheden'], team: ['team', 'medarbejdere'], news: ['nyheder', 'presse'], blog: ['blog'], careers: ['karriere', 'job'], services: ['ydelser'] },
  no: { contact: ['kontakt', 'kontakt-oss'], about: ['om-oss'], team: ['ansatte', 'team'], news: ['nyheter', 'presse'], blog: ['blogg'], careers: ['karriere', 'ledige-stillinger'], services: ['tjenester'] },
  fi: { contact: ['yhteystiedot', 'ota-yhteytta', 'yhteys'], about: ['meista', 'yritys', 'tietoa-meista'], team: ['henkilosto', 'tiimi'], news: ['uutiset', 'ajankohtaista'], blog: ['blogi'], careers: ['ura', 'rekrytointi'], services: ['palvelut'] },
  is: { contact: ['hafa-samband', 'samband'], about: ['um-okkur'], team: ['starfsfolk'], news: ['frettir'], blog: ['blogg'] },
  pl: { contact: ['kontakt', 'kontakty'], about: ['o-nas', 'o-firmie'], team: ['zespol', 'nasz-zespol'], news: ['aktualnosci', 'wiadomosci'], blog: ['blog'], careers: ['kariera', 'praca'], services: ['uslugi', 'oferta'] },
  cs: { contact: ['kontakt', 'kontakty'], about: ['o-nas', 'o-firme', 'o-spolecnosti'], team: ['tym', 'nas-tym'], news: ['novinky', 'aktuality'], blog: ['blog'], careers: ['kariera', 'volna-mista'], services: ['sluzby'] },
  sk: { contact: ['kontakt', 'kontakty'], about: ['o-nas', 'o-firme'], team: ['tim'], news: ['novinky', 'aktuality'], blog: ['blog'], careers: ['kariera'], services: ['sluzby'] },
  hu: { contact: ['kapcsolat', 'elerhetoseg', 'elerhetosegek'], about: ['rolunk', 'cegunkrol', 'bemutatkozas'], team: ['csapat', 'munkatarsaink'], news: ['hirek', 'aktualis'], blog: ['blog'], careers: ['karrier', 'allasajanlatok'], services: ['szolgaltatasok'] },
  ro: { contact: ['contact', 'contacteaza-ne'], about: ['despre-noi', 'despre'], team: ['echipa'], news: ['noutati', 'stiri'], blog: ['blog'], careers: ['cariere'], services: ['servicii'] },
  bg: { contact: ['kontakti', 'контакти'], about: ['za-nas', 'за-нас'], team: ['ekip', 'екип'], news: ['novini', 'новини'], blog: ['блог'] },
  hr: { contact: ['kontakt', 'kontakti'], about: ['o-nama'], team: ['tim'], news: ['novosti', 'vijesti'], blog: ['blog'], careers: ['karijere'], services: ['usluge'] },
  sl: { contact: ['kontakt'], about: ['o-nas', 'podjetje'], team: ['ekipa'], news: ['novice'], blog: ['blog'], services: ['storitve'] },
  sr: { contact: ['kontakt', 'контакт'], about: ['o-nama', 'о-нама'], team: ['tim', 'тим'], news: ['vesti', 'вести'] },
  el: { contact: ['epikoinonia', 'επικοινωνια'], about: ['sxetika', 'σχετικα-με-εμας', 'ποιοι-ειμαστε'], team: ['omada', 'ομαδα'], news: ['nea', 'νεα'], blog: ['blog'] },
  tr: { contact: ['iletisim', 'bize-ulasin'], about: ['hakkimizda', 'kurumsal'], team: ['ekibimiz', 'ekip'], news: ['haberler', 'duyurular'], blog: ['blog'], careers: ['kariyer'], services: ['hizmetler', 'hizmetlerimiz'] },
  ru: { contact: ['kontakty', 'контакты', 'svyaz', 'obratnaya-svyaz'], about: ['o-nas', 'о-нас', 'o-kompanii', 'о-компании'], team: ['komanda', 'команда', 'sotrudniki'], news: ['novosti', 'новости'], blog: ['blog', 'блог'], careers: ['vakansii', 'вакансии', 'karera'], services: ['uslugi', 'услуги'] },
  uk: { contact: ['kontakty', 'контакти'], about: ['pro-nas', 'про-нас'], team: ['komanda', 'команда'], news: ['novyny', 'новини'], blog: ['блог'], services: ['poslugy', 'послуги'] },
  et: { contact: ['kontakt', 'kontaktid'], about: ['meist', 'ettevottest'], team: ['meeskond', 'tootajad'], news: ['uudised'], blog: ['blogi'] },
  lv: { contact: ['kontakti', 'sazinai'], about: ['par-mums', 'par-uznemumu'], team: ['komanda'], news: ['jaunumi'], blog: ['blogs'] },
  lt: { contact: ['kontaktai'], about: ['apie-mus', 'apie'], team: ['komanda'], news: ['naujienos'], blog: ['tinklarastis'] },
  ca: { contact: ['contacte', 'contacta'], about: ['qui-som', 'sobre-nosaltres', 'empresa'], team: ['equip'], news: ['noticies', 'actualitat'], blog: ['bloc', 'blog'] },
  eu: { contact: ['kontaktua', 'harremanetan'], about: ['guri-buruz', 'nor-gara'], team: ['taldea'], news: ['albisteak', 'berriak'] },
  gl: { contact: ['contacto'], about: ['sobre-nos', 'quen-somos'], team: ['equipo'], news: ['novas', 'noticias'] },
  ga: { contact: ['teagmhail', 'dean-teagmhail'], about: ['fuinn', 'eolas-fuinn'], news: ['nuacht'] },
  mt: { contact: ['kuntatt', 'ikkuntattjana'], about: ['dwarna'], news: ['ahbarijiet'] },
  sq: { contact: ['kontakt', 'na-kontaktoni'], about: ['rreth-nesh'], team: ['ekipi'], news: ['lajme'] },
  id: { contact: ['kontak', 'hubungi-kami', 'kontak-kami'], about: ['tentang', 'tentang-kami'], team: ['tim', 'tim-kami'], news: ['berita'], blog: ['blog', 'artikel'], careers: ['karir', 'lowongan'], services: ['layanan'] },
  ms: { contact: ['hubungi', 'hubungi-kami'], about: ['tentang-kami', 'mengenai-kami'], team: ['pasukan'], news: ['berita'] },
  vi: { contact: ['lien-he'], about: ['gioi-thieu', 've-chung-toi'], team: ['doi-ngu'], news: ['tin-tuc'], services: ['dich-vu'] },
  tl: { contact: ['makipag-ugnayan'], about: ['tungkol-sa-amin'], news: ['balita'] },
  ja: { contact: ['お問い合わせ', 'お問合せ', 'toiawase', 'otoiawase', 'inquiry'], about: ['会社概要', '企業情報', 'company', 'gaiyou'], team: ['スタッフ', 'メンバー'], news: ['ニュース', 'お知らせ', 'news'], blog: ['ブログ'], careers: ['採用', 'recruit'] },
  zh: { contact: ['联系我们', '聯絡我們', '联系', 'lianxi'], about: ['关于我们', '關於我們', 'guanyu'], team: ['团队', '團隊'], news: ['新闻', '新聞', 'xinwen'], blog: ['博客'], careers: ['招聘'] },
  ko: { contact: ['연락처', '문의', '오시는길'], about: ['회사소개', '소개'], team: ['팀'], news: ['뉴스', '공지사항'], blog: ['블로그'], careers: ['채용'] },
  ar: { contact: ['اتصل-بنا', 'اتصل', 'تواصل-معنا'], about: ['من-نحن', 'عن-الشركة'], team: ['فريقنا', 'الفريق'], news: ['الأخبار', 'اخبار'] },
  he: { contact: ['צור-קשר', 'צרו-קשר', 'tzor-kesher'], about: ['אודות', 'odot'], team: ['הצוות'], news: ['חדשות'] },
  fa: { contact: ['تماس-با-ما'], about: ['درباره-ما'], news: ['اخبار'] },
  hi: { contact: ['संपर्क', 'sampark'], about: ['हमारे-बारे-में'], news: ['समाचार'] },
  th: { contact: ['ติดต่อเรา', 'ติดต่อ'], about: ['เกี่ยวกับเรา'], news: ['ข่าว'] },
};

/** Folds case and accents so `Über-Uns`, `uber_uns` and `ÜBER UNS` compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

const cache = new Map<string, string[]>();

/**
 * Every keyword for a `target_pages` entry across all languages, folded. An entry that is not a known
 * page type (for example `pricing`) matches itself.
 */
export function keywordsFor(target: string): string[] {
  const key = foldText(target);
  const hit = cache.get(key);
  if (hit) return hit;
  const words = new Set<string>([key]);
  for (const vocabulary of Object.values(TARGET_VOCABULARY)) {
    for (const word of vocabulary[key as PageType] ?? []) words.add(foldText(word));
  }
  const list = [...words].filter((w) => w.length > 1);
  cache.set(key, list);
  return list;
}

import { describe, expect, it } from 'vitest';
import { addressesInText, countryFromAddress, looksLikeAddress } from '../../src/extract/address-text.js';
import { addressFormat, conventionalPostcode } from '../../src/extract/address-formats.js';

describe('addressesInText: plain-text addresses by country format', () => {
  it.each([
    ['DE one line', 'Musterweg 12, 47051 Duisburg', 'Musterweg 12, 47051 Duisburg'],
    ['DE two lines, separate street word', 'Kölner Straße 5a\n40211 Düsseldorf', 'Kölner Straße 5a, 40211 Düsseldorf'],
    ['AT', 'Mariahilfer Straße 45, 1060 Wien', 'Mariahilfer Straße 45, 1060 Wien'],
    ['CH with country prefix', 'Bahnhofstrasse 10, CH-8001 Zürich', 'Bahnhofstrasse 10, CH-8001 Zürich'],
    ['FR', '12 rue des Lilas, 69002 Lyon', '12 rue des Lilas, 69002 Lyon'],
    ['FR bis', '3 bis avenue Foch\n75116 Paris', '3 bis avenue Foch, 75116 Paris'],
    ['UK with county', '4 High Street, Ashford, Kent, TN23 1AA', '4 High Street, Ashford, Kent, TN23 1AA'],
    ['UK on four lines', '4 High Street\nAshford\nKent\nTN23 1AA', '4 High Street, Ashford, Kent, TN23 1AA'],
    ['US state name and unit', '1234 E Main Rd #12-104, Tucson, Arizona 85701', '1234 E Main Rd #12-104, Tucson, Arizona 85701'],
    ['US suite line', '500 W 2nd St, Suite 1900\nAustin, TX 78701', '500 W 2nd St, Suite 1900, Austin, TX 78701'],
    ['US ZIP+4', '77 Massachusetts Ave, Cambridge, MA 02139-4307', '77 Massachusetts Ave, Cambridge, MA 02139-4307'],
    ['CA', '200 Bay Street, Toronto, ON M5J 2J5', '200 Bay Street, Toronto, ON M5J 2J5'],
    ['AU unit and state', 'Shop 3, 45 Campbell Parade\nBondi Beach NSW 2026', 'Shop 3, 45 Campbell Parade, Bondi Beach NSW 2026'],
    ['AU level', 'Level 2, 100 George St, Sydney NSW 2000', 'Level 2, 100 George St, Sydney NSW 2000'],
    ['NL', 'Keizersgracht 123\n1015 CJ Amsterdam', 'Keizersgracht 123, 1015 CJ Amsterdam'],
    ['ES', 'Calle Mayor 5, 28013 Madrid', 'Calle Mayor 5, 28013 Madrid'],
    ['ES C/', 'C/ de Balmes, 150, 08008 Barcelona', 'C/ de Balmes, 150, 08008 Barcelona'],
    ['IT province', 'Via Roma 12, 20121 Milano (MI)', 'Via Roma 12, 20121 Milano'],
    ['PT', 'Rua Augusta 100, 1100-053 Lisboa', 'Rua Augusta 100, 1100-053 Lisboa'],
    ['BR CEP', 'Rua Augusta, 1500 - Consolação, São Paulo - SP, CEP 01310-100', 'Rua Augusta, 1500 - Consolação, São Paulo - SP, CEP 01310-100'],
    ['BR house number before town', 'Avenida Paulista, 1578 São Paulo SP 01310-200', 'Avenida Paulista, 1578 São Paulo SP 01310-200'],
    ['IN PIN and state', 'No. 12, 3rd Cross, MG Road, Bengaluru, Karnataka 560001', 'No. 12, 3rd Cross, MG Road, Bengaluru, Karnataka 560001'],
    ['IN state after PIN', 'Plot No. 45, Sector 18, Gurugram - 122015, Haryana', 'Plot No. 45, Sector 18, Gurugram, 122015, Haryana'],
    ['JP 〒 and prefecture', '〒150-0002 東京都渋谷区渋谷2-21-1 渋谷ヒカリエ8F TEL 03-1234-5678', '〒150-0002 東京都渋谷区渋谷2-21-1 渋谷ヒカリエ8F'],
    ['JP 〒 on its own line', '〒530-0001\n大阪府大阪市北区梅田1-2-3', '〒530-0001 大阪府大阪市北区梅田1-2-3'],
    ['JP labelled, no 〒', '住所：京都府京都市中京区河原町通3-5', '京都府京都市中京区河原町通3-5'],
    ['UA', 'вул. Хрещатик, 22, Київ, 01001', 'вул. Хрещатик, 22, Київ, 01001'],
    ['RU postcode first', '125009, Москва, ул. Тверская, д. 7', '125009, Москва, ул. Тверская, д. 7'],
    ['RU town first', 'г. Москва, ул. Тверская, д. 7, 125009', 'г. Москва, ул. Тверская, д. 7, 125009'],
    ['PL', 'ul. Długa 5, 00-950 Warszawa', 'ul. Długa 5, 00-950 Warszawa'],
    ['SE', 'Storgatan 4, 114 55 Stockholm', 'Storgatan 4, 114 55 Stockholm'],
    ['ZA', '15 Long Street, Cape Town, 8001', '15 Long Street, Cape Town, 8001'],
    ['UAE P.O. Box', 'P.O. Box 12345, Dubai, UAE', 'P.O. Box 12345, Dubai'],
    ['UAE tower and box', 'Office 1203, Al Moosa Tower 2, Sheikh Zayed Road, P.O. Box 5678, Dubai', 'Office 1203, Al Moosa Tower 2, Sheikh Zayed Road, P.O. Box 5678, Dubai'],
    ['label stripped', 'Anschrift: Lindenweg 7, 04109 Leipzig', 'Lindenweg 7, 04109 Leipzig'],
    ['contact details cut off', 'Musterweg 12, 47051 Duisburg, Tel. 0203 12345', 'Musterweg 12, 47051 Duisburg'],
    ['generic name and number, no street word', 'Liethberg 17\n24576 Bad Bramstedt', 'Liethberg 17, 24576 Bad Bramstedt'],
    ['CZ house number with slash and district', 'Křižíkova 140/23, 186 00 Praha 8-Karlín', 'Křižíkova 140/23, 186 00 Praha 8-Karlín'],
    ['CZ town before the postcode', 'Halasova 894/2, Liberec 6, 460 06', 'Halasova 894/2, Liberec 6, 460 06'],
    ['DE town with a parenthesis', 'Osnabrücker Str. 7-9, 49808 Lingen (Ems)', 'Osnabrücker Str. 7-9, 49808 Lingen (Ems)'],
    ['PL street named after a date', '3 Maja 100B, 05-420 Józefów', '3 Maja 100B, 05-420 Józefów'],
    ['TH moo and road', '43/1 Moo 6, Mae Rim-Samoeng Road, Chiang Mai 50180', '43/1 Moo 6, Mae Rim-Samoeng Road, Chiang Mai 50180'],
    ['separators', 'Trattoria · Via dei Coronari, 45 · 00186 Roma (RM) · Tel. 06 6880 1234', 'Via dei Coronari, 45, 00186 Roma'],
    ['TH house number and moo on their own line', 'Address\nBaan Suan\n88/2 Moo 4\nHang Dong-Samoeng Road\nChiang Mai 50230\nThailand', '88/2 Moo 4, Hang Dong-Samoeng Road, Chiang Mai 50230'],
    ['IN PIN in two groups', 'Office: H. No. 4-1-12, 2nd Floor, Abids, Hyderabad - 500 001 (T.S.)', 'H. No. 4-1-12, 2nd Floor, Abids, Hyderabad, 500 001'],
    ['IN dangling dash after the number', '208- sai plaza, MIDC, NASHIK-422007- Nashik maharashtra', '208- sai plaza, MIDC, NASHIK-422007'],
    ['ID three lines ending in commas, country before the postcode', 'Jl. Cikini Raya, No. 7-9,\nCikini, Menteng,\nDKI Jakarta, Indonesia 10330', 'Jl. Cikini Raya, No. 7-9, Cikini, Menteng, DKI Jakarta, Indonesia 10330'],
    ['VN labelled, no postcode', 'Địa chỉ: Số 47, phố Hàng Bông, phường Hàng Gai, thành phố Hà Nội', 'Số 47, phố Hàng Bông, phường Hàng Gai, thành phố Hà Nội'],
    ['VN label line above a house number with no street word', 'Địa chỉ\n12B3 Lê Thánh Tôn, phường Bến Nghé, TP. Hồ Chí Minh\n📞\nHotline\n0901 234 567', '12B3 Lê Thánh Tôn, phường Bến Nghé, TP. Hồ Chí Minh'],
    ['PE labelled, no postcode', 'Domicilio: Jr. Los Pinos N° 215, Of. 302, Jesús María, Lima-Perú', 'Jr. Los Pinos N° 215, Of. 302, Jesús María, Lima'],
    ['PL labelled, truncated postcode', 'Address: Podgórska 12/4, 31-0 Kraków, Poland', 'Podgórska 12/4, 31-0 Kraków'],
    ['UA region and town on the lines before', 'Адреса\nПолтавська обл.,\nм. Кременчук,\nвул. Соборна, 14', 'Полтавська обл., м. Кременчук, вул. Соборна, 14'],
    ['UY corner instead of a number', 'Gral. Artigas entre 25 y 27, 15000 Canelones, Departamento de Canelones', 'Gral. Artigas entre 25 y 27, 15000 Canelones'],
    ['UG landmark under a label', 'Location\nKASESE TOWN, OPP. CENTRAL MARKET', 'KASESE TOWN, OPP. CENTRAL MARKET'],
    ['SG block number', 'Blk 214 Tampines Street 21, Singapore 520214', 'Blk 214 Tampines Street 21, Singapore 520214'],
    ['JP building on the next line', '〒150-0012 東京都渋谷区広尾1-3-5\nグリーンハイツ 402号（4F）', '〒150-0012 東京都渋谷区広尾1-3-5 グリーンハイツ 402号'],
  ])('%s', (_name, text, want) => {
    expect(addressesInText(text, { block: true })).toEqual([want]);
  });

  it.each([
    ['a town and state alone', 'Springfield, Illinois'],
    ['a town and postcode alone', 'Springfield, IL 62701'],
    ['a street without a postcode line', 'Find us on Rua Itapeva, 200'],
    ['a unit number is not a postcode', '500 W 2nd St, Suite 1900'],
    ['opening hours', 'Opening hours: Mon–Fri 9–17, 12 Main Street, Boston MA 02110'],
    ['a price list', 'Menu 12 €, 2 courses 18 €'],
    ['a postcode in a sentence with no street', 'We deliver to 75002 Paris and 69002 Lyon'],
    ['a date line', 'Posted 12 March 2024 by Anna'],
    ['a US date', 'Aug 14, 2025'],
    ['a version and a postcode line', 'Version 2\n10115 Berlin'],
    ['a template sample address', '123 Main St, Anytown, CA 90210'],
    ['a German sample address', 'Musterstraße 1, 12345 Musterstadt'],
    ['a unit number taken for a postcode', 'Level 2, 100 George St'],
    ['a word in capitals taken for an Eircode', '123 Rhythm Road\nOpen daily until 9 PM\nMOMBASA SOUNDS'],
    ['a street and town with no postcode and no label', 'Jr. Los Pinos N° 215, Jesús María, Lima'],
    ['a landmark without a label', 'Kasese Town, Opp. Central Market'],
    ['a label above a town alone', 'Location\nKasese Town, Uganda'],
  ])('ignores %s', (_name, text) => {
    expect(addressesInText(text, { block: true })).toEqual([]);
  });

  it.each([
    ['an address inside a sentence', 'Zuständige Kammer: Rechtsanwaltskammer Berlin, Littenstraße 9, 10179 Berlin'],
    ['a hosting provider after its name', 'OVH SAS, 2 rue Kellermann, 59100 Roubaix'],
    ['article text', 'We delivered to 10 Downing Street, London SW1A 2AA last week.'],
  ])('in strict mode ignores %s', (_name, text) => {
    expect(addressesInText(text, { strict: true })).toEqual([]);
  });

  it('takes a named place without a house number only from an <address> element', () => {
    const text = 'Club Náutico Puerto Chico\n39004 Santander';
    expect(addressesInText(text, { block: true, addressElement: true })).toEqual(['Club Náutico Puerto Chico, 39004 Santander']);
    expect(addressesInText(text, { block: true })).toEqual([]);
  });

  it('keeps two addresses on consecutive lines apart', () => {
    expect(addressesInText('Musterweg 12, 47051 Duisburg\nHauptstraße 5, 10115 Berlin', { block: true })).toEqual([
      'Musterweg 12, 47051 Duisburg',
      'Hauptstraße 5, 10115 Berlin',
    ]);
  });

  it('reads JSON-LD address strings with looksLikeAddress', () => {
    expect(looksLikeAddress('Musterweg 12\n47051 Duisburg')).toBe(true);
    expect(looksLikeAddress('Springfield, Illinois')).toBe(false);
  });
});

describe('countryFromAddress', () => {
  it.each([
    ['500 W 2nd St, Austin, TX 78701', 'US'],
    ['1234 E Main Rd, Tucson, Arizona 85701', 'US'],
    ['Bondi Beach NSW 2026', 'AU'],
    ['Croydon CR0 2AP', 'GB'],
    ['200 Bay Street, Toronto, ON M5J 2J5', 'CA'],
    ['01310-200 São Paulo', 'BR'],
    ['MG Road, Bengaluru, Karnataka 560001', 'IN'],
    ['〒150-0002 東京都渋谷区渋谷2-21-1', 'JP'],
    ['вул. Хрещатик, 22, Київ, 01001', 'UA'],
    ['4 rue du lycée, 53000 Laval', 'FR'],
    ['Via Roma 12, 20121 Milano', 'IT'],
    ['Calle Mayor 5, 28013 Madrid', 'ES'],
    ['Musterweg 12, 47051 Duisburg', 'DE'],
    ['Keizersgracht 123, 1015 CJ Amsterdam', 'NL'],
    ['ul. Długa 5, 00-950 Warszawa', 'PL'],
    ['10117 Berlin', null],
  ])('%s → %s', (address, want) => {
    expect(countryFromAddress(address)).toBe(want);
  });
});

describe('addressFormat (Google address data)', () => {
  it.each([
    ['DE', { postcodeFirst: true, stateBeforePostcode: false }, '47051', null],
    ['US', { postcodeFirst: false, stateBeforePostcode: true }, '85701-1234', 'Arizona'],
    ['GB', { postcodeFirst: false, stateBeforePostcode: false }, 'TN23 1AA', null],
    ['JP', { postcodeFirst: false, stateBeforePostcode: false }, '150-0002', '東京都'],
    ['IN', { postcodeFirst: false, stateBeforePostcode: false }, '560001', 'Karnataka'],
  ])('%s', (country, flags, postcode, region) => {
    const format = addressFormat(country)!;
    expect(format).toMatchObject(flags);
    expect(new RegExp(`^(?:${format.postcode})$`).test(postcode)).toBe(true);
    if (region) expect(format.regions).toContain(region);
  });

  it.each([
    ['CZ', '46006', '460 06'],
    ['DE', '47051', '47051'],
    ['GB', 'TN231AA', 'TN231AA'],
    ['', '46006', '46006'],
  ])('conventionalPostcode(%s, %s) → %s', (country, postcode, want) => {
    expect(conventionalPostcode(country, postcode)).toBe(want);
  });

  it('knows that the UAE has no postcodes and an unknown code has no format', () => {
    expect(addressFormat('AE')?.postcode).toBeNull();
    expect(addressFormat('XX')).toBeNull();
  });
});

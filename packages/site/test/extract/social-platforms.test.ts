import { describe, expect, it } from 'vitest';
import { SOCIAL_PLATFORMS, PLATFORM_RULES, socialProfileFromUrl } from '../../src/extract/social-platforms.js';

describe('socialProfileFromUrl: profiles, canonicalised', () => {
  it.each([
    ['https://www.linkedin.com/company/acme-inc/', 'linkedin', 'https://www.linkedin.com/company/acme-inc'],
    ['https://de.linkedin.com/in/Max-Weber', 'linkedin', 'https://www.linkedin.com/in/max-weber'],
    ['https://twitter.com/AcmeHQ', 'twitter', 'https://x.com/acmehq'],
    ['https://x.com/acmehq?lang=en', 'twitter', 'https://x.com/acmehq'],
    ['https://twitter.com/paseodelasflores', 'twitter', 'https://x.com/paseodelasflores'],
    ['https://m.facebook.com/AcmeBakery/', 'facebook', 'https://www.facebook.com/acmebakery'],
    ['https://www.facebook.com/profile.php?id=100064', 'facebook', 'https://www.facebook.com/profile.php?id=100064'],
    ['https://instagram.com/acme.co/?hl=es', 'instagram', 'https://www.instagram.com/acme.co'],
    ['https://www.youtube.com/@Acme', 'youtube', 'https://www.youtube.com/@acme'],
    ['https://www.youtube.com/channel/UCx7Bq3kTz9Lm2Np4Qr5St6w', 'youtube', 'https://www.youtube.com/channel/UCx7Bq3kTz9Lm2Np4Qr5St6w'],
    ['https://github.com/acme-labs', 'github', 'https://github.com/acme-labs'],
    ['https://www.tiktok.com/@acme?lang=en', 'tiktok', 'https://www.tiktok.com/@acme'],
    ['https://www.pinterest.com.au/acmeshop/', 'pinterest', 'https://www.pinterest.com/acmeshop'],
    ['https://medium.com/@acme', 'medium', 'https://medium.com/@acme'],
    ['https://acme.medium.com/some-post', 'medium', 'https://acme.medium.com'],
    ['https://discord.gg/acme', 'discord', 'https://discord.gg/acme'],
    ['https://discord.com/invite/acme', 'discord', 'https://discord.gg/acme'],
    ['https://wa.me/447400123456', 'whatsapp', 'https://wa.me/447400123456'],
    ['https://api.whatsapp.com/send?phone=5511987654321&text=Oi', 'whatsapp', 'https://wa.me/5511987654321'],
    ['https://t.me/acmechannel', 'telegram', 'https://t.me/acmechannel'],
    ['https://www.snapchat.com/add/acme', 'snapchat', 'https://www.snapchat.com/add/acme'],
    ['https://www.reddit.com/r/Acme/', 'reddit', 'https://www.reddit.com/r/acme'],
    ['https://reddit.com/user/acme_official', 'reddit', 'https://www.reddit.com/user/acme_official'],
  ])('%s', (href, platform, url) => {
    const profile = socialProfileFromUrl(href);
    expect(profile?.platform).toBe(platform);
    expect(profile?.url).toBe(url);
  });

  it.each([
    'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Facme.com',
    'https://www.facebook.com/sharer.php?u=x',
    'https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2Facme',
    'https://www.facebook.com/tr?id=123&ev=PageView',
    'https://twitter.com/intent/tweet?text=hi',
    'https://twitter.com/share?url=x',
    'https://www.linkedin.com/shareArticle?mini=true&url=x',
    'https://www.linkedin.com/sharing/share-offsite/?url=x',
    'https://pinterest.com/pin/create/button/?url=x',
    'https://www.reddit.com/submit?url=x',
    'https://t.me/share/url?url=x',
    'https://api.whatsapp.com/send?text=hello',
    'whatsapp://send?text=x',
    'https://www.instagram.com/p/Cx1y2z/',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://github.com/features',
    'https://example.com/acme',
    'mailto:a@acme.com',
    'not a url',
  ])('rejects %s', (href) => {
    expect(socialProfileFromUrl(href)).toBeNull();
  });

  it('has a rule for every platform of the schema', () => {
    expect(Object.keys(PLATFORM_RULES).sort()).toEqual([...SOCIAL_PLATFORMS].sort());
    expect(SOCIAL_PLATFORMS).toHaveLength(14);
  });

  it('marks links to posts as indirect and keeps the account', () => {
    expect(socialProfileFromUrl('https://twitter.com/jack/status/20')).toMatchObject({ url: 'https://x.com/jack', indirect: true });
  });
});

describe('socialProfileFromUrl: template placeholders', () => {
  it.each([
    'https://www.facebook.com/yourpage',
    'https://facebook.com/YourPageName',
    'https://www.instagram.com/yourprofile/',
    'https://www.instagram.com/your_username',
    'https://www.tiktok.com/@yourusername',
    'https://www.youtube.com/@yourchannel',
    'https://twitter.com/username',
    'https://www.linkedin.com/company/yourcompany',
    'https://www.pinterest.com/yourname/',
    'https://facebook.com/#',
    'https://www.instagram.com/#',
    'https://t.me/yourchannelname',
    'https://github.com/yourusername',
    'https://wa.me/420777111222',
    'https://api.whatsapp.com/send?phone=5511999999999',
  ])('%s is not a profile', (href) => {
    expect(socialProfileFromUrl(href)).toBeNull();
  });

  it('keeps real handles that merely contain a placeholder word', () => {
    expect(socialProfileFromUrl('https://www.instagram.com/yourpagebakery_lyon')?.handle).toBe('yourpagebakery_lyon');
    expect(socialProfileFromUrl('https://www.facebook.com/pagebrothers')?.handle).toBe('pagebrothers');
  });
});

describe('socialProfileFromUrl: non-ASCII paths kept whole', () => {
  it.each([
    ['https://www.instagram.com/café_lumière/', 'instagram', 'café_lumière', 'https://www.instagram.com/caf%C3%A9_lumi%C3%A8re'],
    ['https://www.instagram.com/caf%C3%A9_lumi%C3%A8re', 'instagram', 'café_lumière', 'https://www.instagram.com/caf%C3%A9_lumi%C3%A8re'],
    ['https://www.facebook.com/Bäckerei-Müller-123456789/', 'facebook', 'bäckerei-müller-123456789', 'https://www.facebook.com/b%C3%A4ckerei-m%C3%BCller-123456789'],
    ['https://www.facebook.com/%D0%BA%D0%B0%D0%B2%D0%B0.%D0%BA%D0%B8%D1%97%D0%B2', 'facebook', 'кава.київ', 'https://www.facebook.com/%D0%BA%D0%B0%D0%B2%D0%B0.%D0%BA%D0%B8%D1%97%D0%B2'],
    ['https://www.youtube.com/@東京カフェ', 'youtube', '東京カフェ', 'https://www.youtube.com/@%E6%9D%B1%E4%BA%AC%E3%82%AB%E3%83%95%E3%82%A7'],
    ['https://www.tiktok.com/@josé.pães', 'tiktok', 'josé.pães', 'https://www.tiktok.com/@jos%C3%A9.p%C3%A3es'],
  ])('%s', (href, platform, handle, url) => {
    const profile = socialProfileFromUrl(href);
    expect(profile?.platform).toBe(platform);
    expect(profile?.handle).toBe(handle);
    expect(profile?.url).toBe(url);
    expect(decodeURI(profile!.url)).toContain(handle);
  });
});

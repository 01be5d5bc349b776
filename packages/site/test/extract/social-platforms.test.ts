import { describe, expect, it } from 'vitest';
import { SOCIAL_PLATFORMS, PLATFORM_RULES, socialProfileFromUrl } from '../../src/extract/social-platforms.js';

describe('socialProfileFromUrl: profiles, canonicalised', () => {
  it.each([
    ['https://www.linkedin.com/company/acme-inc/', 'linkedin', 'https://www.linkedin.com/company/acme-inc'],
    ['https://de.linkedin.com/in/Max-Weber', 'linkedin', 'https://www.linkedin.com/in/max-weber'],
    ['https://twitter.com/AcmeHQ', 'twitter', 'https://x.com/acmehq'],
    ['https://x.com/acmehq?lang=en', 'twitter', 'https://x.com/acmehq'],
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

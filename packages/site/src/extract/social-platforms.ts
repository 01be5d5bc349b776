import { SOCIAL_PLATFORMS, type SocialPlatform } from '@spideriq/schema';
import { parse as parseDomain } from 'tldts';
import { isPlaceholderNumber } from './phones.js';

export { SOCIAL_PLATFORMS };
export type { SocialPlatform };

/** A link recognised as a profile: its canonical URL and the handle it names. */
export interface SocialProfile {
  platform: SocialPlatform;
  url: string;
  handle: string;
  /** Company/organisation pages beat personal ones (`linkedin.com/company` over `/in`). */
  kind: 'organisation' | 'person' | 'group' | 'unknown';
  /** True when the link points at a post of the account rather than at the account itself. */
  indirect: boolean;
}

interface PlatformRule {
  /** Registrable domains (eTLD+1) the platform uses. */
  domains: readonly string[];
  /** Maps a URL on one of the domains to a profile, or null for share/intent/tracking/other links. */
  profile(url: URL, segments: readonly string[]): Omit<SocialProfile, 'platform'> | null;
}

const HANDLE = /^[\p{L}\p{N}._-]{1,100}$/u;
const lower = (s: string): string => s.toLowerCase();
/**
 * A decoded path segment written back into a URL: non-ASCII handles ("café_lumière") are kept
 * whole and percent-encoded as UTF-8, the form every browser and the WHATWG URL parser produce.
 */
const seg = (s: string): string => encodeURIComponent(s.normalize('NFC')).replace(/%40/g, '@');

/** Handles left in by site templates and themes ("yourpage", "@yourusername", "/username"): never a real profile. */
const PLACEHOLDER_HANDLES = new Set([
  'username', 'user', 'name', 'handle', 'page', 'profile', 'account', 'company', 'channel', 'example', 'test', 'demo', 'sample',
  'placeholder', 'xxx', 'xxxx', 'xxxxx', 'pagename', 'profilename', 'companyname', 'channelname', 'businessname', 'brandname',
  'accountname', 'handlename', 'yourhandle', 'link', 'url', 'insert', 'todo', 'changeme', 'null', 'undefined', 'none',
]);
const PLACEHOLDER_PATTERN = /^(?:your|my|the|insert|enter|add)(?:[a-z]*)(?:page|profile|name|handle|channel|account|company|business|brand|user|username|id|site|url|link|here|shop|store)$|^(?:your|my)(?:facebook|instagram|twitter|tiktok|youtube|linkedin|pinterest|telegram|snapchat|reddit)[a-z]*$/;

/** Whether a handle is a template's placeholder rather than a real account. */
export function isPlaceholderHandle(handle: string): boolean {
  const h = handle.toLowerCase().replace(/^@/, '').replace(/[^a-z0-9]/g, '');
  return PLACEHOLDER_HANDLES.has(h) || PLACEHOLDER_PATTERN.test(h);
}
const ok = (url: string, handle: string, kind: SocialProfile['kind'] = 'unknown', indirect = false) => ({ url, handle, kind, indirect });

const TWITTER_RESERVED = new Set(['intent', 'share', 'home', 'i', 'search', 'hashtag', 'explore', 'settings', 'login', 'signup', 'tos', 'privacy', 'messages', 'notifications', 'compose', 'widgets', 'account', 'oauth', 'web']);
const FACEBOOK_RESERVED = new Set(['sharer.php', 'sharer', 'share.php', 'share', 'dialog', 'plugins', 'tr', 'login', 'login.php', 'help', 'policies', 'privacy', 'events', 'watch', 'photo.php', 'photo', 'story.php', 'permalink.php', 'hashtag', 'search', 'legal', 'ads', 'business', 'marketplace', 'gaming', 'l.php', 'v2.0', 'v3.0', 'recover', 'reg', 'home.php', 'media', 'photos']);
const INSTAGRAM_RESERVED = new Set(['p', 'reel', 'reels', 'explore', 'accounts', 'stories', 'tv', 'direct', 'about', 'developer', 'legal', 'web', 'embed.js']);
const GITHUB_RESERVED = new Set(['login', 'join', 'features', 'pricing', 'about', 'marketplace', 'explore', 'topics', 'trending', 'collections', 'events', 'sponsors', 'settings', 'site', 'security', 'enterprise', 'team', 'customer-stories', 'readme', 'apps', 'contact', 'search', 'notifications', 'new', 'organizations', 'codespaces', 'issues', 'pulls']);
const PINTEREST_RESERVED = new Set(['pin', 'search', 'ideas', 'today', 'login', 'business', 'settings', 'categories', 'discover', 'explore', 'resource', '_']);
const MEDIUM_RESERVED = new Set(['m', 'p', 'plans', 'tag', 'topic', 'search', 'me', 'membership', 'about', 'creators', 'jobs-at-medium', 'new-story', 'policy']);

/**
 * The per-platform table: where each platform's profiles live, which paths are share, intent,
 * plugin or tracking links, and the canonical URL form. A new platform is one entry here.
 */
export const PLATFORM_RULES: Readonly<Record<SocialPlatform, PlatformRule>> = {
  linkedin: {
    domains: ['linkedin.com'],
    profile(_url, [kind, slug]) {
      if (!kind || !slug) return null;
      const k = lower(kind);
      if (!['company', 'in', 'school', 'showcase', 'pub'].includes(k)) return null;
      const who = k === 'in' || k === 'pub' ? 'person' : 'organisation';
      return ok(`https://www.linkedin.com/${k === 'pub' ? 'in' : k}/${seg(lower(slug))}`, lower(slug), who);
    },
  },
  twitter: {
    domains: ['twitter.com', 'x.com'],
    profile(_url, [handle, second]) {
      // New names are capped at 15 characters, but sites link longer (older or mistyped) ones as their profile.
      if (!handle || !/^[a-z0-9_]{1,30}$/i.test(handle) || TWITTER_RESERVED.has(lower(handle))) return null;
      return ok(`https://x.com/${lower(handle)}`, lower(handle), 'unknown', second === 'status');
    },
  },
  facebook: {
    domains: ['facebook.com', 'fb.com', 'fb.me'],
    profile(url, segments) {
      const [first, second, third] = segments;
      if (!first) return null;
      const f = lower(first);
      if (f === 'profile.php') {
        const id = url.searchParams.get('id');
        return id && /^\d+$/.test(id) ? ok(`https://www.facebook.com/profile.php?id=${id}`, id) : null;
      }
      if (f === 'pages' && second === 'category' && third && segments[3]) {
        return ok(`https://www.facebook.com/pages/category/${seg(third)}/${seg(segments[3])}`, lower(segments[3]), 'organisation');
      }
      if (f === 'pages' && second) {
        return ok(`https://www.facebook.com/pages/${seg(second)}${third ? `/${seg(third)}` : ''}`, lower(second), 'organisation');
      }
      if (f === 'groups' && second) return ok(`https://www.facebook.com/groups/${seg(lower(second))}`, lower(second), 'group');
      if (f === 'people' && second && third) return ok(`https://www.facebook.com/people/${seg(second)}/${seg(third)}`, lower(second), 'person');
      if (FACEBOOK_RESERVED.has(f) || !HANDLE.test(first) || /\.php$/i.test(first)) return null;
      return ok(`https://www.facebook.com/${seg(lower(first))}`, lower(first), 'unknown', second === 'posts' || second === 'videos');
    },
  },
  instagram: {
    domains: ['instagram.com', 'instagr.am'],
    profile(_url, [handle, second]) {
      if (!handle || INSTAGRAM_RESERVED.has(lower(handle)) || !/^[\p{L}\p{N}._]{1,30}$/u.test(handle)) return null;
      return ok(`https://www.instagram.com/${seg(lower(handle))}`, lower(handle), 'unknown', second === 'p' || second === 'reel');
    },
  },
  youtube: {
    domains: ['youtube.com'],
    profile(_url, [first, second]) {
      if (!first) return null;
      if (first.startsWith('@') && first.length > 1) return ok(`https://www.youtube.com/@${seg(lower(first.slice(1)))}`, lower(first.slice(1)));
      if ((first === 'channel' || first === 'c' || first === 'user') && second) {
        const handle = first === 'channel' ? second : lower(second);
        return ok(`https://www.youtube.com/${first}/${seg(handle)}`, lower(second));
      }
      return null;
    },
  },
  github: {
    domains: ['github.com'],
    profile(_url, [org, repo]) {
      if (!org || GITHUB_RESERVED.has(lower(org)) || !/^[a-z0-9](?:[a-z0-9-]{0,38})$/i.test(org)) return null;
      return ok(`https://github.com/${lower(org)}`, lower(org), 'unknown', repo !== undefined);
    },
  },
  tiktok: {
    domains: ['tiktok.com'],
    profile(_url, [first, second]) {
      if (!first?.startsWith('@') || first.length < 2) return null;
      return ok(`https://www.tiktok.com/@${seg(lower(first.slice(1)))}`, lower(first.slice(1)), 'unknown', second === 'video');
    },
  },
  pinterest: {
    domains: ['pinterest.com', 'pinterest.co.uk', 'pinterest.de', 'pinterest.fr', 'pinterest.es', 'pinterest.it', 'pinterest.com.au', 'pinterest.ca', 'pinterest.com.mx', 'pinterest.pt', 'pinterest.jp', 'pin.it'],
    profile(url, [handle, board]) {
      if (parseDomain(url.hostname).domain === 'pin.it') return null;
      if (!handle || PINTEREST_RESERVED.has(lower(handle)) || !/^[a-z0-9_]{3,30}$/i.test(handle)) return null;
      return ok(`https://www.pinterest.com/${lower(handle)}`, lower(handle), 'unknown', board !== undefined);
    },
  },
  medium: {
    domains: ['medium.com'],
    profile(url, [first]) {
      const sub = url.hostname.toLowerCase().replace(/\.?medium\.com$/, '');
      if (sub && sub !== 'www') return ok(`https://${sub}.medium.com`, sub);
      if (!first || MEDIUM_RESERVED.has(lower(first))) return null;
      if (first.startsWith('@')) return ok(`https://medium.com/@${seg(lower(first.slice(1)))}`, lower(first.slice(1)));
      return HANDLE.test(first) ? ok(`https://medium.com/${seg(lower(first))}`, lower(first), 'organisation') : null;
    },
  },
  discord: {
    domains: ['discord.gg', 'discord.com', 'discordapp.com'],
    profile(url, [first, second]) {
      const domain = parseDomain(url.hostname).domain;
      if (domain === 'discord.gg' && first && /^[a-z0-9-]{2,32}$/i.test(first)) return ok(`https://discord.gg/${first}`, first);
      if (first === 'invite' && second && /^[a-z0-9-]{2,32}$/i.test(second)) return ok(`https://discord.gg/${second}`, second);
      return null;
    },
  },
  whatsapp: {
    domains: ['wa.me', 'whatsapp.com'],
    profile(url, [first, second]) {
      const domain = parseDomain(url.hostname).domain;
      const digits = (s: string | null | undefined): string => (s ?? '').replace(/\D/g, '');
      if (domain === 'wa.me') {
        const n = digits(first);
        if (first === 'message' && second) return ok(`https://wa.me/message/${second}`, second, 'organisation');
        return n.length >= 7 && !isPlaceholderNumber(n) ? ok(`https://wa.me/${n}`, n) : null;
      }
      const host = url.hostname.toLowerCase();
      if (host.startsWith('chat.') && first) return ok(`https://chat.whatsapp.com/${first}`, first, 'group');
      if (first === 'channel' && second) return ok(`https://whatsapp.com/channel/${second}`, second, 'organisation');
      if (first === 'send' || host.startsWith('api.')) {
        const n = digits(url.searchParams.get('phone'));
        return n.length >= 7 && !isPlaceholderNumber(n) ? ok(`https://wa.me/${n}`, n) : null;
      }
      return null;
    },
  },
  telegram: {
    domains: ['t.me', 'telegram.me', 'telegram.dog'],
    profile(_url, [first, second]) {
      if (!first || first === 'share' || first === 'iv' || first === 'addstickers') return null;
      if (first === 'joinchat' && second) return ok(`https://t.me/joinchat/${second}`, second, 'group');
      if (first.startsWith('+')) return ok(`https://t.me/${first}`, first, 'group');
      if (first === 's' && second) return ok(`https://t.me/${lower(second)}`, lower(second));
      return /^[a-z0-9_]{4,32}$/i.test(first) ? ok(`https://t.me/${lower(first)}`, lower(first)) : null;
    },
  },
  snapchat: {
    domains: ['snapchat.com'],
    profile(_url, [first, second]) {
      if (first === 'add' && second && /^[a-z0-9._-]{2,30}$/i.test(second)) return ok(`https://www.snapchat.com/add/${lower(second)}`, lower(second));
      if (first?.startsWith('@') && first.length > 1) return ok(`https://www.snapchat.com/add/${lower(first.slice(1))}`, lower(first.slice(1)));
      return null;
    },
  },
  reddit: {
    domains: ['reddit.com'],
    profile(_url, [first, second]) {
      if (!first || !second) return null;
      if (first === 'r' && /^[a-z0-9_]{2,21}$/i.test(second)) return ok(`https://www.reddit.com/r/${lower(second)}`, lower(second), 'group');
      if ((first === 'user' || first === 'u') && /^[a-z0-9_-]{3,20}$/i.test(second)) return ok(`https://www.reddit.com/user/${lower(second)}`, lower(second));
      return null;
    },
  },
};

const DOMAIN_TO_PLATFORM = new Map<string, SocialPlatform>(
  SOCIAL_PLATFORMS.flatMap((p) => PLATFORM_RULES[p].domains.map((d) => [d, p] as const)),
);

/**
 * Recognises a social profile link and returns its canonical form, or null for anything else:
 * non-social URLs, and share/intent/plugin/tracking links such as `facebook.com/sharer.php`,
 * `twitter.com/intent/tweet`, `linkedin.com/shareArticle` or `pinterest.com/pin/create`.
 */
export function socialProfileFromUrl(href: string): SocialProfile | null {
  let url: URL;
  try {
    url = new URL(href.trim().replace(/^\/\//, 'https://'));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (/^\/?#/.test(url.pathname + url.hash) && url.pathname.replace(/\//g, '') === '') return null;
  const domain = parseDomain(url.hostname).domain;
  const platform = domain ? DOMAIN_TO_PLATFORM.get(domain.toLowerCase()) : undefined;
  if (!platform) return null;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (url.hostname.startsWith('#')) return null;
  const hit = PLATFORM_RULES[platform].profile(url, segments);
  if (!hit || isPlaceholderHandle(hit.handle)) return null;
  return { platform, ...hit };
}

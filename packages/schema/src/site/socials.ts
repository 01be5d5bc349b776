import { z } from 'zod';

/** The 14 social platforms, in the seed's order. Adding a platform starts here. */
export const SOCIAL_PLATFORMS = [
  'linkedin',
  'twitter',
  'facebook',
  'instagram',
  'youtube',
  'github',
  'tiktok',
  'pinterest',
  'medium',
  'discord',
  'whatsapp',
  'telegram',
  'snapchat',
  'reddit',
] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

const label: Record<SocialPlatform, string> = {
  linkedin: 'LinkedIn company/profile URL',
  twitter: 'Twitter/X profile URL',
  facebook: 'Facebook page URL',
  instagram: 'Instagram profile URL',
  youtube: 'YouTube channel URL',
  github: 'GitHub organization/user URL',
  tiktok: 'TikTok profile URL',
  pinterest: 'Pinterest profile URL',
  medium: 'Medium profile URL',
  discord: 'Discord server invite URL',
  whatsapp: 'WhatsApp contact/business URL',
  telegram: 'Telegram contact/channel URL',
  snapchat: 'Snapchat profile URL',
  reddit: 'Reddit profile/subreddit URL',
};

/** The flat social fields of `data`: one URL or null per platform. */
export const socialFields = Object.fromEntries(
  SOCIAL_PLATFORMS.map((platform) => [
    platform,
    z.string().nullable().meta({ description: `${label[platform]} (null if not found).` }),
  ]),
) as { [P in SocialPlatform]: z.ZodNullable<z.ZodString> };

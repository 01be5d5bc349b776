import { z } from 'zod';

/** A review snippet (extension; present when `extract_reviews` is set). */
export const ReviewSchema = z
  .object({
    author: z.string().nullable(),
    rating: z.number().nullable(),
    text: z.string().nullable(),
    time: z.string().nullable().meta({ description: 'ISO 8601 publish time.' }),
    language: z.string().nullable(),
  })
  .meta({ description: 'A review of the place.' });

/** A photo reference (extension; present when `extract_photos` is set). */
export const PhotoSchema = z
  .object({
    url: z.string().meta({ description: 'Photo URL or provider resource name.' }),
    width: z.int().nullable(),
    height: z.int().nullable(),
    attribution: z.string().nullable(),
  })
  .meta({ description: 'A photo of the place.' });

/** One business listing. Seed fields first, then always-present extensions. */
export const BusinessSchema = z
  .object({
    name: z.string(),
    place_id: z.string().nullable().meta({ description: 'Provider place id (Google place id, or `osm:node/123`).' }),
    rating: z.number().nullable().meta({ description: 'Average rating (1.0-5.0); null when the provider has none.' }),
    reviews_count: z.int().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    categories: z.array(z.string()),
    coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    link: z.string().nullable().meta({ description: 'Map link to the business.' }),
    business_status: z.string().nullable().meta({ description: '`OPERATIONAL`, `CLOSED_TEMPORARILY`, `CLOSED_PERMANENTLY`…' }),
    price_range: z.enum(['$', '$$', '$$$', '$$$$']).nullable(),
    working_hours: z.record(z.string(), z.string()).nullable().meta({ description: 'Hours by day of week, for example `{"Monday": "5:00-10:00 PM"}`.' }),
    phone_e164: z.string().nullable().default(null),
    phone_national: z.string().nullable().default(null),
    phone_type: z.string().nullable().default(null),
    phone_valid: z.boolean().nullable().default(null),
    reviews: z.array(ReviewSchema).nullable().default(null).meta({ description: 'Extension: review snippets (null unless `extract_reviews`).' }),
    photos: z.array(PhotoSchema).nullable().default(null).meta({ description: 'Extension: photos (null unless `extract_photos`).' }),
    source: z.string().nullable().default(null).meta({ description: 'Extension: the provider that returned it (`google-places` or `osm`).' }),
  })
  .meta({
    description: 'A business listing.',
    example: {
      name: 'Mamma Maria',
      place_id: '0x89e3709876543210:0xabcdef1234567890',
      rating: 4.6,
      reviews_count: 823,
      address: '3 North Square, Boston, MA 02113',
      phone: '+1-617-523-9077',
      website: 'https://www.mammamaria.com/',
      categories: ['Italian restaurant', 'Fine dining'],
      coordinates: { latitude: 42.3647, longitude: -71.0542 },
      link: 'https://www.google.com/maps/place/Mamma+Maria/...',
      business_status: 'OPERATIONAL',
      price_range: '$$$',
      working_hours: { Monday: '5:00-10:00 PM' },
    },
  });
export type Business = z.infer<typeof BusinessSchema>;

/** Search metadata. */
export const MapsMetadataSchema = z
  .object({
    max_results: z.int(),
    extract_reviews: z.boolean(),
    extract_photos: z.boolean(),
    language: z.string(),
    provider: z.string().nullable().default(null).meta({ description: 'Extension: `google-places` or `osm`.' }),
    phone_validation: z
      .object({ total: z.int(), valid: z.int(), invalid: z.int() })
      .nullable()
      .default(null)
      .meta({ description: 'Extension: phone validation counts (null when `validate_phones` is off).' }),
  })
  .meta({ description: 'Search metadata.', example: { max_results: 20, extract_reviews: true, extract_photos: false, language: 'en' } });

/** The spiderMaps result (`data`). */
export const MapsDataSchema = z
  .object({
    query: z.string().meta({ description: 'Search query used.' }),
    results_count: z.int().meta({ description: 'Number of business listings returned.' }),
    businesses: z.array(BusinessSchema),
    metadata: MapsMetadataSchema,
  })
  .meta({ description: 'spiderMaps result data.' });
export type MapsData = z.infer<typeof MapsDataSchema>;

/**
 * The fixed vocabularies of the post-mortem library, each with the label a reader sees.
 * Keys are what contributors type in front matter; labels are what pages and filters show.
 */

/* No zod here: the site's search script reads these labels, and must not carry a validator. */

function keysOf<K extends string>(labels: Record<K, string>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}

export const CRISIS_TYPE_LABELS = {
  'viral-complaint': 'Viral complaint',
  'offensive-content': 'Offensive or tone-deaf content',
  'customer-service': 'Customer-service blow-up',
  'employee-post': 'Employee or executive post',
  'product-safety': 'Product or safety issue',
  'data-privacy': 'Data or privacy',
  misinformation: 'Misinformation or hoax',
  'account-compromise': 'Account compromise',
  other: 'Other',
} as const;
export const CRISIS_TYPES = keysOf(CRISIS_TYPE_LABELS);
export type CrisisType = keyof typeof CRISIS_TYPE_LABELS;

/** Situational Crisis Communication Theory clusters: how much responsibility the public assigns. */
export const SCCT_LABELS = {
  victim: 'Victim (little responsibility)',
  accidental: 'Accidental (low responsibility)',
  preventable: 'Preventable (strong responsibility)',
} as const;
export const SCCT_CLUSTERS = keysOf(SCCT_LABELS);
export type ScctCluster = keyof typeof SCCT_LABELS;

export const PLATFORM_LABELS = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
  'news-media': 'News media',
  'review-sites': 'Review sites',
  other: 'Other',
} as const;
export const PLATFORMS = keysOf(PLATFORM_LABELS);
export type Platform = keyof typeof PLATFORM_LABELS;

export const ORIGIN_LABELS = {
  'owned-post': 'Owned post',
  'paid-ad': 'Paid ad',
  'customer-interaction': 'Customer interaction',
  'employee-account': 'Employee account',
  'executive-statement': 'Executive statement',
  influencer: 'Influencer',
  'news-story': 'News story',
  leak: 'Leak',
  other: 'Other',
} as const;
export const ORIGINS = keysOf(ORIGIN_LABELS);
export type Origin = keyof typeof ORIGIN_LABELS;

export const DETECTION_SOURCE_LABELS = {
  'social-listening': 'Social listening alert',
  'community-team': 'Community team on shift',
  'customer-service': 'Customer service',
  employee: 'Employee report',
  'media-inquiry': 'Media inquiry',
  'platform-notice': 'Platform notice',
  executive: 'Executive',
  monitoring: 'Technical monitoring',
  other: 'Other',
} as const;
export const DETECTION_SOURCES = keysOf(DETECTION_SOURCE_LABELS);
export type DetectionSource = keyof typeof DETECTION_SOURCE_LABELS;

export const STATUS_LABELS = {
  draft: 'Draft',
  'in-review': 'In review',
  published: 'Published',
} as const;
export const STATUSES = keysOf(STATUS_LABELS);
export type Status = keyof typeof STATUS_LABELS;

export const TIMELINE_KIND_LABELS = {
  trigger: 'Trigger',
  detection: 'Detection',
  escalation: 'Escalation',
  decision: 'Decision',
  statement: 'Public statement',
  reply: 'Public reply',
  correction: 'Correction',
  deletion: 'Deletion',
  'private-outreach': 'Moved to private',
  'platform-action': 'Platform action',
  'media-pickup': 'Media pickup',
  metric: 'Metric',
  resolution: 'Resolution',
  note: 'Note',
} as const;
export const TIMELINE_KINDS = keysOf(TIMELINE_KIND_LABELS);
export type TimelineKind = keyof typeof TIMELINE_KIND_LABELS;

export const IMPACT_RATING_LABELS = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  severe: 'Severe',
} as const;
export const IMPACT_RATINGS = keysOf(IMPACT_RATING_LABELS);

export const FACTOR_CATEGORY_LABELS = {
  process: 'Process',
  people: 'People and training',
  tooling: 'Tooling and monitoring',
  product: 'Product or service',
  communication: 'Communication',
  governance: 'Governance and approvals',
  external: 'External',
} as const;
export const FACTOR_CATEGORIES = keysOf(FACTOR_CATEGORY_LABELS);

export const ACTION_TYPE_LABELS = {
  prevent: 'Prevent',
  mitigate: 'Mitigate',
  detect: 'Detect',
  process: 'Process',
} as const;
export const ACTION_TYPES = keysOf(ACTION_TYPE_LABELS);

export const ACTION_STATUS_LABELS = {
  open: 'Open',
  done: 'Done',
  dropped: 'Dropped',
} as const;
export const ACTION_STATUSES = keysOf(ACTION_STATUS_LABELS);

export const SOURCE_KIND_LABELS = {
  'social-post': 'Social post',
  news: 'News article',
  internal: 'Internal document',
  report: 'Report',
  other: 'Other',
} as const;
export const SOURCE_KINDS = keysOf(SOURCE_KIND_LABELS);

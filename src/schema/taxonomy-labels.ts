/**
 * The fixed vocabularies of the post-mortem library, each with the label a reader sees.
 * Keys are what contributors type in front matter; labels are what pages and filters show.
 */

/* No zod here: the site's search script reads these labels, and must not carry a validator. */

/** Every vocabulary in one table of one shape: term → label, in the order pages list them. */
const VOCABULARIES = {
  crisisType: {
    'viral-complaint': 'Viral complaint',
    'offensive-content': 'Offensive or tone-deaf content',
    'customer-service': 'Customer-service blow-up',
    'employee-post': 'Employee or executive post',
    'product-safety': 'Product or safety issue',
    'data-privacy': 'Data or privacy',
    misinformation: 'Misinformation or hoax',
    'account-compromise': 'Account compromise',
    other: 'Other',
  },
  /** Situational Crisis Communication Theory clusters: how much responsibility the public assigns. */
  scct: {
    victim: 'Victim (little responsibility)',
    accidental: 'Accidental (low responsibility)',
    preventable: 'Preventable (strong responsibility)',
  },
  platform: {
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
  },
  origin: {
    'owned-post': 'Owned post',
    'paid-ad': 'Paid ad',
    'customer-interaction': 'Customer interaction',
    'employee-account': 'Employee account',
    'executive-statement': 'Executive statement',
    influencer: 'Influencer',
    'news-story': 'News story',
    leak: 'Leak',
    other: 'Other',
  },
  detectionSource: {
    'social-listening': 'Social listening alert',
    'community-team': 'Community team on shift',
    'customer-service': 'Customer service',
    employee: 'Employee report',
    'media-inquiry': 'Media inquiry',
    'platform-notice': 'Platform notice',
    executive: 'Executive',
    monitoring: 'Technical monitoring',
    other: 'Other',
  },
  status: {
    draft: 'Draft',
    'in-review': 'In review',
    published: 'Published',
  },
  timelineKind: {
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
  },
  impactRating: {
    low: 'Low',
    moderate: 'Moderate',
    high: 'High',
    severe: 'Severe',
  },
  factorCategory: {
    process: 'Process',
    people: 'People and training',
    tooling: 'Tooling and monitoring',
    product: 'Product or service',
    communication: 'Communication',
    governance: 'Governance and approvals',
    external: 'External',
  },
  actionType: {
    prevent: 'Prevent',
    mitigate: 'Mitigate',
    detect: 'Detect',
    process: 'Process',
  },
  actionStatus: {
    open: 'Open',
    done: 'Done',
    dropped: 'Dropped',
  },
  sourceKind: {
    'social-post': 'Social post',
    news: 'News article',
    internal: 'Internal document',
    report: 'Report',
    other: 'Other',
  },
} as const;

type Vocabularies = typeof VOCABULARIES;

/** One vocabulary's terms, as the tuple `z.enum` and the filters take. */
export type Terms<V extends keyof Vocabularies> = [
  keyof Vocabularies[V] & string,
  ...(keyof Vocabularies[V] & string)[],
];

/** Each vocabulary's terms, in table order. */
const TERMS = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([vocabulary, labels]) => [vocabulary, Object.keys(labels)]),
) as { [V in keyof Vocabularies]: Terms<V> };

export const {
  crisisType: CRISIS_TYPE_LABELS,
  scct: SCCT_LABELS,
  platform: PLATFORM_LABELS,
  origin: ORIGIN_LABELS,
  detectionSource: DETECTION_SOURCE_LABELS,
  status: STATUS_LABELS,
  timelineKind: TIMELINE_KIND_LABELS,
  impactRating: IMPACT_RATING_LABELS,
  factorCategory: FACTOR_CATEGORY_LABELS,
  actionType: ACTION_TYPE_LABELS,
  actionStatus: ACTION_STATUS_LABELS,
  sourceKind: SOURCE_KIND_LABELS,
} = VOCABULARIES;

export const {
  crisisType: CRISIS_TYPES,
  scct: SCCT_CLUSTERS,
  platform: PLATFORMS,
  origin: ORIGINS,
  detectionSource: DETECTION_SOURCES,
  status: STATUSES,
  timelineKind: TIMELINE_KINDS,
  impactRating: IMPACT_RATINGS,
  factorCategory: FACTOR_CATEGORIES,
  actionType: ACTION_TYPES,
  actionStatus: ACTION_STATUSES,
  sourceKind: SOURCE_KINDS,
} = TERMS;

export type CrisisType = keyof Vocabularies['crisisType'];
export type ScctCluster = keyof Vocabularies['scct'];
export type Platform = keyof Vocabularies['platform'];
export type Origin = keyof Vocabularies['origin'];
export type DetectionSource = keyof Vocabularies['detectionSource'];
export type Status = keyof Vocabularies['status'];
export type TimelineKind = keyof Vocabularies['timelineKind'];

/* No zod here: the site's search script reads these groups, and must not carry a validator. */

/**
 * The words a crisis team uses for the same thing, one group per thing. A reader in a crisis
 * types what is in their head ("our account got hacked"), not the words a page happens to use
 * ("account compromise", "taken over"): every page and post-mortem that contains one term of a
 * group is indexed with all the others too (src/lib/search/synonyms.ts), so any spelling finds
 * the same pages.
 *
 * Rules for editing (the content check warns when one is broken):
 * - a term is a word or a short phrase, in lower case; inflections are not needed ("hacked"
 *   also covers "hack", "hacking", "hacks": terms are compared by their stems);
 * - a term belongs to one group only: two groups sharing a term would silently merge;
 * - a group has at least two different terms, and no term made only of function words
 *   ("who", "to"), which search ignores;
 * - only true equivalents: "refund" is not a synonym of "apology". A loose group makes every
 *   page match everything, which is as useless as matching nothing.
 */
export type SynonymGroup = readonly string[];

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  // Accounts and security
  [
    'hacked',
    'compromised',
    'hijacked',
    'takeover',
    'taken over',
    'account takeover',
    'account compromise',
    'locked out',
    'lost access',
  ],
  ['phishing', 'fake login', 'lookalike page', 'credential theft'],
  ['scam', 'scammer', 'fraud', 'wallet drainer', 'fake giveaway'],
  ['impersonation', 'fake account', 'copycat account', 'parody account', 'fake profile'],
  ['two-factor', '2fa', 'mfa', 'multi-factor', 'two-step verification', 'authenticator app'],
  ['password', 'login details', 'credentials', 'passcode'],
  ['bot', 'bot network', 'sockpuppet', 'astroturfing', 'coordinated inauthentic', 'fake followers'],

  // People
  [
    'executive',
    'ceo',
    'coo',
    'cfo',
    'cmo',
    'founder',
    'co-founder',
    'chief executive',
    'chief operating officer',
    'chief financial officer',
    'chief marketing officer',
    'managing director',
    'boss',
    'senior leader',
    'board member',
  ],
  ['employee', 'staff', 'worker', 'team member', 'colleague', 'store employee'],
  ['influencer', 'creator', 'content creator', 'ambassador', 'brand ambassador', 'streamer'],
  ['journalist', 'reporter', 'media inquiry', 'press inquiry', 'media request', 'press enquiry'],
  ['troll', 'abusive account', 'harassment', 'pile-on', 'brigading', 'abuse'],
  ['legal', 'lawyer', 'legal team', 'counsel', 'attorney', 'solicitor'],
  ['lawsuit', 'litigation', 'sued', 'legal action', 'legal claim'],
  ['regulator', 'watchdog', 'data protection authority', 'ico', 'ftc', 'trading standards'],
  ['customer service', 'customer support', 'customer care', 'help desk', 'helpdesk', 'support team', 'care team'],
  ['social media manager', 'community manager', 'social team', 'social media lead', 'social lead'],
  ['comms', 'communications', 'public relations', 'press office', 'pr team'],
  ['approval', 'sign-off', 'signoff'],

  // What went wrong
  ['breach', 'data breach', 'leak', 'exposed', 'exposure', 'data exposure', 'data leak', 'privacy breach'],
  // A mass email that showed every address: "cc instead of bcc", "the visible recipient field".
  ['bcc', 'blind copy', 'cc', 'carbon copy', 'visible recipient', 'recipient field'],
  ['personal data', 'personal information', 'customer data', 'pii', 'email addresses'],
  [
    'coupon',
    'coupon code',
    'promo',
    'promo code',
    'discount',
    'discount code',
    'voucher',
    'voucher code',
    'offer code',
  ],
  ['storm', 'weather', 'hurricane', 'flood', 'heatwave', 'wildfire', 'tornado', 'blizzard', 'extreme weather'],
  ['tragedy', 'disaster', 'news event', 'breaking news', 'national mourning', 'terror attack', 'mass shooting'],
  ['bereavement', 'death', 'passed away', 'died', 'grief', 'condolences', 'funeral'],
  ['misinformation', 'disinformation', 'hoax', 'fake news', 'rumour', 'rumor', 'false claim', 'conspiracy theory'],
  ['deepfake', 'ai-generated', 'generative', 'generated video', 'generated ad', 'synthetic media'],
  ['recall', 'product recall', 'withdrawal', 'safety notice', 'recall notice'],
  ['allergen', 'allergy', 'allergic', 'anaphylaxis', 'allergen label'],
  ['contamination', 'tampering', 'foreign object', 'food safety'],
  ['offensive', 'tone-deaf', 'insensitive', 'inappropriate', 'distasteful', 'bad taste'],
  ['racist', 'racism', 'stereotype', 'discrimination', 'discriminatory', 'sexist', 'bigoted'],
  ['backlash', 'outrage', 'uproar', 'firestorm', 'shitstorm', 'boycott', 'cancelled'],
  ['viral', 'went viral', 'blowing up', 'blew up', 'trending', 'spreading fast'],
  ['complaint', 'angry customer', 'upset customer', 'unhappy customer', 'grievance'],
  ['bad review', 'negative review', 'one-star review', 'trustpilot', 'review site'],
  ['delay', 'delivery delay', 'late delivery', 'shipping delay', 'backorder', 'still waiting'],
  ['outage', 'downtime', 'service disruption', 'site down', 'app down', 'crashed'],
  ['price', 'price rise', 'price increase', 'price hike', 'overcharged'],
  ['greenwashing', 'sustainability claim', 'eco claim', 'plastic-free', 'eco-friendly'],
  ['threat', 'death threat', 'violence', 'violent', 'bomb threat', 'threatening'],
  ['self-harm', 'suicide', 'self-injury'],
  ['doxxing', 'doxing', 'home address posted', 'personal details posted'],
  ['stealth edit', 'quietly edited', 'silent edit', 'edited without saying'],

  // What to do
  ['reply', 'respond', 'answer', 'comment back', 'write back'],
  ['apology', 'apologise', 'sorry', 'mea culpa', 'say sorry'],
  ['statement', 'holding statement', 'press statement', 'press release', 'announcement', 'public statement'],
  ['template', 'boilerplate', 'wording', 'sample text', 'draft text'],
  ['saved reply', 'macro', 'canned response', 'automated reply', 'auto-reply', 'stock reply'],
  ['delete', 'take down', 'takedown', 'pull the post', 'remove the post'],
  ['pause', 'halt', 'suspend', 'freeze', 'switch off'],
  ['scheduled post', 'queued post', 'scheduled content', 'scheduled tweet', 'post queue', 'content calendar'],
  ['escalate', 'alert', 'notify', 'raise the alarm', 'on-call'],
  ['contact sheet', 'contact list', 'phone list', 'roster', 'who to call', 'call list'],
  ['direct message', 'dm', 'private message', 'inbox', 'take it private'],
  ['goodwill gesture', 'gesture of goodwill', 'compensation', 'refund', 'reimbursement', 'make good'],
  ['screenshot', 'screen grab', 'screencap', 'screen capture'],
  ['triage', 'severity level', 'priority level', 'sev1', 'sev2'],
  ['post-mortem', 'postmortem', 'retrospective', 'retro', 'debrief', 'after-action review', 'lessons learned'],
  ['crisis', 'emergency', 'crisis mode', 'code red'],
  ['monitoring', 'social listening', 'listening tool', 'alerts dashboard'],
  ['mute', 'hide replies', 'limit replies', 'turn off comments', 'disable comments', 'restrict comments'],
  ['block', 'ban', 'report account', 'report the account'],
  ['ad', 'advert', 'advertisement', 'paid ad', 'sponsored post', 'commercial'],

  // Platforms as people call them
  ['x', 'twitter', 'tweet', 'retweet', 'x.com'],
  ['facebook', 'fb', 'meta business suite'],
  ['instagram', 'insta', 'ig'],
  ['tiktok', 'tik tok'],
  ['youtube', 'yt'],
  ['livestream', 'live stream', 'live video', 'going live'],
  ['newsletter', 'mailing list', 'email list', 'email blast', 'mailshot', 'email campaign'],
];

/** Longest alias: a phrase someone would type, not a paragraph. */

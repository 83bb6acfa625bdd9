import type { AuthoredFields } from './authored.ts';
import type { Platform, TimelineKind } from '../../schema/taxonomy.ts';

export type { AuthoredFields } from './authored.ts';

/**
 * The one normalized incident every importer adapter produces (export → adapter → Incident →
 * analysis → writer). Adapters fill what their format knows and nothing more; merging several
 * partial incidents, analysis and redaction happen downstream.
 *
 * Text here is raw and untrusted (names, handles, e-mails included): only the writer, after
 * redaction, turns it into page content.
 */

/** Who acted in an event, as far as the export tells. */
export type ActorRole =
  /** One of the brand's own accounts (matched through --brand-handle). */
  | 'brand'
  /** A member of the war room / response team (Slack users, incident-tool responders). */
  | 'responder'
  /** A member of the public: a customer, a critic, a journalist's personal account. */
  | 'public'
  /** The platform itself, an incident tool or an integration. */
  | 'system';

/** A person or account seen in an export, so the redactor can pseudonymize them consistently. */
export interface Person {
  /** Stable id within the adapter's format, e.g. `slack:U024BE7LH`, `x:2244994945`. */
  id: string;
  role: ActorRole;
  /** Handle without the @, if the platform has handles. */
  handle?: string;
  /** Display or real name, if the export carries one. */
  name?: string;
  /**
   * Every other name the export knows this person by: first and last name, display name,
   * nickname, e-mail address (Slack `profile.first_name`, `display_name`, `email`…). Redaction
   * pseudonymizes each of them wherever it occurs; the first word of `name` is added there.
   */
  aliases?: string[];
  /** Job title or incident role ("Incident commander"), used to name responders blamelessly. */
  title?: string;
  /** Verified / official account (public figures, media outlets). */
  verified?: boolean;
  /** Follower count, when known: large accounts are public and are not pseudonymized. */
  followers?: number;
}

/** Where a piece of evidence came from, so a drafted lesson can cite it. */
export interface EvidenceRef {
  /** Adapter name, e.g. `slack`, `x-api`, `brandwatch`. */
  adapter: string;
  /** The export file (or zip entry) the event was read from, relative as given on the command line. */
  file: string;
  /** A row, line, message ts or API id inside that file. */
  ref?: string;
}

export interface IncidentEvent {
  /** When it happened (absolute instant). */
  at: Date;
  /** Timeline kind, from the post-mortem schema's vocabulary. */
  kind: TimelineKind;
  /** What happened, raw (untrusted, unredacted) text. */
  text: string;
  /** A web link to the original, when the export has one. */
  link?: string;
  /** Who did it. */
  actor: ActorRole;
  /** `Person.id` of the actor, when known. */
  actorId?: string;
  /** For public replies: `Person.id` of the account replied to. */
  inReplyToId?: string;
  /** Whether the public could see it (a post, a reply) or it was internal (war-room chat, tool log). */
  visibility: 'public' | 'internal';
  /** Platform the event happened on, for public events. */
  platform?: Platform;
  /** Format-specific id (tweet id, Slack ts), used to link corrections and deletions to their original. */
  sourceId?: string;
  /** For corrections/deletions: `sourceId` of the post this corrects or removes. */
  correctsId?: string;
  /** Signals an adapter can read off its format. */
  signals?: {
    pinned?: boolean;
    reactions?: number;
    edited?: boolean;
    /** The message reads like a decision ("we decided", "agreed:", "decision:"). */
    decision?: boolean;
  };
  evidence: EvidenceRef;
}

/** Mention volume for one hour, by sentiment. */
export interface MentionBucket {
  /** Start of the hour (UTC). */
  at: Date;
  positive: number;
  /** Mentions judged neutral plus those without any sentiment (see `unrated`). */
  neutral: number;
  negative: number;
  /**
   * Of `neutral`, the mentions that carried no sentiment at all; absent means every mention
   * was rated. Lets a trimmed series keep an honest negative share.
   */
  unrated?: number;
  /** Sum of the reach figures of this hour's mentions, when the export gives them. */
  reach?: number;
  /** The earliest mention in this hour, when known: a trimmed series keeps an exact first mention. */
  first?: Date;
}

/** What a social-listening or platform export says about public volume. */
export interface MentionSummary {
  /**
   * Hourly buckets, sorted by time, without gaps; over GAP_FILL_MAX_HOURS (model/mentions.ts)
   * only the hours with mentions. Merging fills the gaps inside the incident window.
   */
  series: MentionBucket[];
  /** Total mentions counted. */
  total: number;
  /** The earliest mention. */
  first?: Date;
  /** Start of the busiest hour. */
  peakHour?: Date;
  /** Mentions in the busiest hour. */
  peakCount: number;
  /** Share of mentions judged negative, 0–1 (of those with a sentiment). */
  negativeShare?: number;
  /** Sum of reach / impressions figures, when the export has them. */
  totalReach?: number;
  /** Busiest sources (sites, platforms or domains), most first. */
  topSources: { name: string; count: number }[];
}

/** What one adapter read from one export. */
export interface PartialIncident {
  adapter: string;
  /** The export as named on the command line. */
  file: string;
  /** A title the export suggests (channel name, incident title). */
  title?: string;
  started?: Date;
  detected?: Date;
  resolved?: Date;
  /** Severity 1–4 if the export states one (incident tools). */
  severity?: number;
  platforms: Platform[];
  events: IncidentEvent[];
  people: Person[];
  mentions?: MentionSummary;
  /** Engagement totals on the brand's public posts (likes, reposts, replies, quotes, impressions). */
  engagement?: Record<string, number>;
  /** Notes for the author: things the adapter saw but could not place. */
  notes: string[];
  /**
   * Post-mortem fields the export states outright (a Firebreak incident JSON written by a person
   * or another tool): used as they are instead of being drafted.
   */
  authored?: AuthoredFields;
  /** The first public response when the export states it (otherwise derived from the events). */
  firstResponse?: Date;
  /**
   * Set when some of the export's times carried no zone and were read as wall-clock time in a
   * zone the export did not state: a sentence for the page, naming the zone used
   * ("Times in mentions.csv carried no zone; read as UTC."). Durations against sources with
   * absolute times (Slack, incident tools) are only as right as that zone.
   */
  timeZoneNote?: string;
}

/** Several partial incidents merged: the input to analysis and the writer. */
export interface Incident extends Omit<PartialIncident, 'adapter' | 'file'> {
  /** Every export that contributed, as `{adapter, file}`. */
  sources: { adapter: string; file: string }[];
}

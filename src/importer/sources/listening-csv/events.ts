import type { IncidentEvent, MentionSummary, Person } from '../../model/incident.ts';
import type { Snapshot } from './mention-row.ts';
import type { MentionTally } from './tally.ts';

/**
 * The timeline a mentions export contributes: the first mention (trigger), the peak hour
 * (metric), the earliest news pickups, the most engaged negative and other mentions, and the
 * brand's own posts (statements, or replies to the person answered), with the people in them.
 */

export interface EventSource {
  adapter: string;
  file: string;
  /** The brand's handles, lowercased, without @. */
  brand: ReadonlySet<string>;
}

export function mentionEvents(
  tally: MentionTally,
  mentions: MentionSummary,
  source: EventSource,
): { events: IncidentEvent[]; people: Person[] } {
  const { adapter, file, brand } = source;
  const people = new Map<string, Person>();
  const personFor = (s: Snapshot, role: Person['role']): string | undefined => {
    if (!s.author) return undefined;
    const id = `${adapter}:${s.platform}/${s.author.toLowerCase()}`;
    if (!people.has(id)) {
      const person: Person = { id, role, handle: s.author };
      if (s.name) person.name = s.name;
      if (s.verified !== undefined) person.verified = s.verified;
      if (s.followers !== undefined) person.followers = s.followers;
      people.set(id, person);
    }
    return id;
  };
  const event = (
    s: Snapshot,
    kind: IncidentEvent['kind'],
    text: string,
    actor: IncidentEvent['actor'] = 'public',
  ): IncidentEvent => {
    const e: IncidentEvent = {
      at: s.at,
      kind,
      text,
      actor,
      visibility: 'public',
      platform: s.platform,
      evidence: { adapter, file, ref: s.ref },
    };
    if (s.url) e.link = s.url;
    const actorId = personFor(s, actor === 'brand' ? 'brand' : 'public');
    if (actorId) e.actorId = actorId;
    if (s.engagement > 0) e.signals = { reactions: s.engagement };
    return e;
  };

  const { first, media, negative, engaged, brandPosts } = tally;
  const events: IncidentEvent[] = [];
  if (first) events.push(event(first, 'trigger', first.text || 'First mention'));
  if (mentions.peakHour) {
    const bucket = mentions.series.find((b) => b.at.getTime() === mentions.peakHour!.getTime())!;
    events.push({
      at: mentions.peakHour,
      kind: 'metric',
      text: `Peak hour: ${mentions.peakCount} mention${mentions.peakCount === 1 ? '' : 's'} (${bucket.negative} negative, ${bucket.neutral} neutral or unrated, ${bucket.positive} positive) from ${mentions.peakHour.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      actor: 'system',
      visibility: 'public',
      evidence: { adapter, file, ref: 'hourly mention counts' },
    });
  }
  for (const s of media.values()) events.push(event(s, 'media-pickup', s.text || 'News mention'));
  // Each list snapshots its rows separately: the row reference says which are the same mention.
  const listed = new Set<string>([first, ...media.values()].flatMap((s) => (s ? [s.ref] : [])));
  for (const s of negative.values()) {
    if (listed.has(s.ref) || s.engagement === 0) continue;
    listed.add(s.ref);
    events.push(event(s, 'escalation', s.text));
  }
  for (const s of engaged.values()) {
    if (listed.has(s.ref) || s.engagement === 0) continue;
    events.push(event(s, 'note', `High-engagement mention (${s.engagement} engagements): ${s.text}`));
  }
  for (const s of brandPosts.values()) {
    // A brand reply to someone else is a `reply` to that person (the lesson engine counts them per
    // person); a reply in its own thread continues a statement.
    if (s.repliesTo && !brand.has(s.repliesTo.toLowerCase())) {
      const reply = event(s, 'reply', s.text, 'brand');
      const target = personFor(
        { ...s, author: s.repliesTo, name: undefined, followers: undefined, verified: undefined },
        'public',
      );
      if (target) reply.inReplyToId = target;
      events.push(reply);
    } else {
      events.push(event(s, 'statement', s.text, 'brand'));
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { events, people: [...people.values()] };
}

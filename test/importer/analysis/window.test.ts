import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/importer/errors.ts';
import { mergeIncidents } from '../../../src/importer/merge.ts';
import type { IncidentEvent, MentionBucket, PartialIncident } from '../../../src/importer/model/incident.ts';
import { MentionAccumulator, type MentionInput } from '../../../src/importer/model/mentions.ts';
import { differentPeriodWarnings } from '../../../src/importer/analysis/periods.ts';
import { timeZoneNotes } from '../../../src/importer/analysis/time-zones.ts';
import {
  BUSIEST_MAX_HOURS,
  findIncidentWindow,
  QUIET_GAP_HOURS,
  WINDOW_MARGIN_HOURS,
} from '../../../src/importer/analysis/window.ts';
import { trimToWindow } from '../../../src/importer/analysis/window-trim.ts';
import { analyzeIncident } from '../../../src/importer/analysis/index.ts';
import { redactDraft } from '../../../src/importer/redact.ts';
import { renderPage } from '../../../src/importer/write/index.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

/** A listening export: one mention per entry, summarized by the same accumulator the adapters use. */
function listening(file: string, mentions: MentionInput[]): PartialIncident {
  const acc = new MentionAccumulator();
  for (const mention of mentions) acc.add(mention);
  const summary = acc.summary();
  return {
    adapter: 'brandwatch',
    file,
    platforms: [],
    events: [],
    people: [],
    mentions: summary,
    notes: [],
    ...(summary.first && { started: summary.first }),
  };
}

function chatEvent(when: string, file = 'war-room.zip'): IncidentEvent {
  return {
    at: at(when),
    kind: 'note',
    text: 'message',
    actor: 'responder',
    visibility: 'internal',
    evidence: { adapter: 'slack', file },
  };
}

/** A war room: internal messages only, as the Slack adapter gives them. */
function warRoom(times: string[], extra: Partial<PartialIncident> = {}): PartialIncident {
  return {
    adapter: 'slack',
    file: 'war-room.zip',
    platforms: [],
    events: times.map((time) => chatEvent(time)),
    people: [],
    notes: [],
    ...extra,
  };
}

function hourly(from: string, hours: number, perHour: number): MentionInput[] {
  const start = at(from).getTime();
  const out: MentionInput[] = [];
  for (let h = 0; h < hours; h++)
    for (let i = 0; i < perHour; i++) out.push({ at: new Date(start + h * HOUR + i * 1000) });
  return out;
}

describe('the incident window', () => {
  it('comes from the war-room evidence plus the margin, not from a stray old mention', () => {
    const room = warRoom(['2026-03-13T09:12:00Z', '2026-03-13T15:40:00Z']);
    const csv = listening('mentions.csv', [
      { at: at('2010-06-15T14:03:27Z') },
      ...hourly('2026-03-13T08:00:00Z', 6, 3),
    ]);
    const window = findIncidentWindow([room, csv])!;
    expect(window.fromBasis).toBe('evidence');
    expect(iso(window.from)).toBe(
      new Date(at('2026-03-13T09:00:00Z').getTime() - WINDOW_MARGIN_HOURS * HOUR).toISOString(),
    );
    expect(iso(window.to)).toBe(
      new Date(at('2026-03-13T16:00:00Z').getTime() + WINDOW_MARGIN_HOURS * HOUR).toISOString(),
    );
    expect(window.description).toContain('war-room and incident-tool records');
  });

  it('counts an incident tool’s stated times as evidence, but not a start that is only the first mention', () => {
    const tool: PartialIncident = {
      adapter: 'pagerduty',
      file: 'incident.json',
      platforms: [],
      events: [],
      people: [],
      notes: [],
      started: at('2026-03-13T09:00:00Z'),
      resolved: at('2026-03-14T18:20:00Z'),
    };
    const csv = listening('mentions.csv', [{ at: at('2010-06-15T14:03:27Z') }, { at: at('2026-03-13T10:00:00Z') }]);
    const window = findIncidentWindow([tool, csv])!;
    expect(iso(window.from)).toBe('2026-03-12T09:00:00.000Z');
    expect(iso(window.to)).toBe('2026-03-15T19:00:00.000Z');
  });

  it('with listening data only, is the busy period around the peak, ended by a silence over QUIET_GAP_HOURS', () => {
    const csv = listening('mentions.csv', [
      { at: at('2010-06-15T14:03:27Z') },
      ...hourly('2026-03-13T08:00:00Z', 3, 2),
      // A lull shorter than the quiet gap stays inside the period.
      ...hourly(new Date(at('2026-03-13T10:00:00Z').getTime() + QUIET_GAP_HOURS * HOUR).toISOString(), 1, 1),
      // Over the quiet gap after that: a different burst.
      { at: at('2026-04-20T12:00:00Z') },
    ]);
    const window = findIncidentWindow([csv])!;
    expect(window.fromBasis).toBe('busiest');
    expect(iso(window.from)).toBe('2026-03-13T08:00:00.000Z');
    expect(iso(window.to)).toBe('2026-03-14T11:00:00.000Z');
  });

  it('with listening data only, keeps the busiest BUSIEST_MAX_HOURS of a long steady run', () => {
    const days = BUSIEST_MAX_HOURS / 24;
    // Steady chatter every hour for 40 days, and a surge on days 25–27.
    const csv = listening('mentions.csv', [
      ...hourly('2026-02-01T00:00:00Z', 40 * 24, 1),
      ...hourly('2026-02-26T00:00:00Z', 3 * 24, 5),
    ]);
    const window = findIncidentWindow([csv])!;
    expect(window.to.getTime() - window.from.getTime()).toBe(BUSIEST_MAX_HOURS * HOUR);
    expect(window.from <= at('2026-02-26T00:00:00Z')).toBe(true);
    expect(window.to >= at('2026-03-01T00:00:00Z')).toBe(true);
    expect(window.description).toContain(`busiest ${days} days`);
  });

  it('takes --from/--to as given, each on its own, whole hours, --to inclusive', () => {
    const room = warRoom(['2026-03-13T09:12:00Z', '2026-03-13T15:40:00Z']);
    const both = findIncidentWindow([room], { from: at('2026-03-13T10:30:00Z'), to: at('2026-03-13T12:15:00Z') })!;
    expect([iso(both.from), iso(both.to), both.fromBasis, both.toBasis]).toEqual([
      '2026-03-13T10:00:00.000Z',
      '2026-03-13T13:00:00.000Z',
      'option',
      'option',
    ]);
    const fromOnly = findIncidentWindow([room], { from: at('2026-03-13T10:30:00Z') })!;
    expect([fromOnly.fromBasis, fromOnly.toBasis]).toEqual(['option', 'evidence']);
    expect(iso(fromOnly.to)).toBe('2026-03-14T16:00:00.000Z');
  });

  it('refuses --from after --to, naming both options', () => {
    expect(() =>
      findIncidentWindow([warRoom(['2026-03-13T09:12:00Z'])], {
        from: at('2026-03-14T00:00:00Z'),
        to: at('2026-03-13T00:00:00Z'),
      }),
    ).toThrow(/--from 2026-03-14 00:00 UTC is after --to 2026-03-13 00:00 UTC/);
  });

  it('is undefined when nothing is dated', () => {
    expect(findIncidentWindow([warRoom([])])).toBeUndefined();
  });

  it('copes with a war room of 300,000 messages (no spread into Math.min)', () => {
    const start = at('2026-03-13T00:00:00Z').getTime();
    const room = warRoom([]);
    room.events = Array.from({ length: 300_000 }, (_, i) => ({
      ...chatEvent('2026-03-13T00:00:00Z'),
      at: new Date(start + i * 1000),
    }));
    expect(findIncidentWindow([room])?.fromBasis).toBe('evidence');
  });
});

describe('keeping an export to the window', () => {
  const window = findIncidentWindow([warRoom(['2026-03-13T09:12:00Z'])], {
    from: at('2026-03-13T09:00:00Z'),
    to: at('2026-03-13T10:59:00Z'),
  })!;

  it('recomputes total, first mention, peak, negative share (rated mentions only) and reach from the hours kept', () => {
    const csv = listening('mentions.csv', [
      { at: at('2026-03-13T08:10:00Z'), sentiment: 'negative', reach: 1000 },
      { at: at('2026-03-13T08:20:00Z'), sentiment: 'negative', reach: 1000 },
      { at: at('2026-03-13T09:25:00Z'), sentiment: 'negative', reach: 10 },
      { at: at('2026-03-13T09:40:00Z'), sentiment: 'positive', reach: 20 },
      { at: at('2026-03-13T10:05:00Z'), reach: 30 },
      { at: at('2026-03-13T10:06:00Z'), sentiment: 'neutral', reach: 40 },
      { at: at('2026-03-13T10:07:00Z') },
      { at: at('2026-03-13T11:00:00Z'), sentiment: 'negative', reach: 5000 },
    ]);
    const { partial, leftOut } = trimToWindow(csv, window);
    expect(leftOut).toEqual({ mentionsBefore: 2, mentionsAfter: 1, eventsBefore: 0, eventsAfter: 0 });
    const mentions = partial.mentions!;
    expect(mentions.total).toBe(5);
    expect(iso(mentions.first)).toBe('2026-03-13T09:25:00.000Z');
    expect(iso(mentions.peakHour)).toBe('2026-03-13T10:00:00.000Z');
    expect(mentions.peakCount).toBe(3);
    // 1 negative of 3 rated (two had no sentiment).
    expect(mentions.negativeShare).toBeCloseTo(1 / 3);
    expect(mentions.totalReach).toBe(100);
    expect(mentions.series.map((bucket: MentionBucket) => iso(bucket.at))).toEqual([
      '2026-03-13T09:00:00.000Z',
      '2026-03-13T10:00:00.000Z',
    ]);
    // The stray start is dropped: merge derives one from what is kept.
    expect(partial.started).toBeUndefined();
  });

  it('leaves an export with nothing outside untouched', () => {
    const csv = listening('mentions.csv', [{ at: at('2026-03-13T09:25:00Z'), sentiment: 'negative' }]);
    const { partial } = trimToWindow(csv, window);
    expect(partial.mentions).toBe(csv.mentions);
    expect(partial.started).toEqual(csv.started);
  });
});

describe('merging with the window', () => {
  it('says what it left out, per export, in the notes and the warnings, and dates the incident from what is kept', () => {
    const room = warRoom(['2026-03-13T09:12:00Z', '2026-03-13T15:40:00Z']);
    const csv = listening('mentions.csv', [
      ...hourly('2026-03-01T00:00:00Z', 1, 412),
      ...hourly('2026-03-13T08:00:00Z', 4, 3),
    ]);
    const incident = mergeIncidents([room, csv]);
    expect(iso(incident.started)).toBe('2026-03-13T08:00:00.000Z');
    expect(incident.mentions?.total).toBe(12);
    const leftOut = incident.warnings.find((warning) => warning.startsWith('mentions.csv: '));
    expect(leftOut).toBe(
      'mentions.csv: 412 mentions before 2026-03-12 09:00 UTC were left out (outside the incident window); pass --from/--to to choose the window.',
    );
    expect(incident.notes).toContain(leftOut);
    expect(incident.notes).toContain(incident.window!.description);
    // The export runs into the war room's period, so they do not cover different periods.
    expect(incident.warnings).toEqual([incident.window!.description, leftOut]);
  });

  it('adds nothing when nothing was left out', () => {
    const room = warRoom(['2026-03-13T09:12:00Z']);
    const csv = listening('mentions.csv', hourly('2026-03-13T08:00:00Z', 2, 1));
    const incident = mergeIncidents([room, csv]);
    expect(incident.warnings).toEqual([]);
    expect(incident.notes).toEqual([]);
  });

  it('refuses --from/--to that leave nothing, naming the options and each export’s period', () => {
    const csv = listening('mentions.csv', hourly('2026-03-13T08:00:00Z', 2, 1));
    let error: unknown;
    try {
      mergeIncidents([csv], { window: { from: at('2027-01-01T00:00:00Z'), to: at('2027-01-02T00:00:00Z') } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).describe()).toBe(
      '--from/--to: no event or mention falls in the incident window from 2027-01-01 00:00 UTC to 2027-01-02 01:00 UTC; mentions.csv runs 2026-03-13 08:00 UTC to 2026-03-13 09:59 UTC: expected --from/--to inside those periods',
    );
  });
});

describe('exports of different periods', () => {
  it('are a warning naming both files and their periods', () => {
    const a = listening('brandwatch-2025.csv', [
      { at: at('2025-03-01T14:02:11Z') },
      { at: at('2025-03-02T09:00:00Z') },
    ]);
    const b = warRoom(['2026-03-13T09:12:00Z', '2026-03-13T15:40:00Z']);
    expect(differentPeriodWarnings([a, b])).toEqual([
      'brandwatch-2025.csv (2025-03-01 14:00 UTC to 2025-03-02 09:59 UTC) and war-room.zip (2026-03-13 09:12 UTC to 2026-03-13 15:40 UTC) cover different periods; check that both exports are of this incident.',
    ]);
  });

  it('are not warned about when they meet within the margin', () => {
    const a = listening('a.csv', [{ at: at('2026-03-12T10:00:00Z') }]);
    const b = warRoom(['2026-03-13T09:12:00Z']);
    expect(differentPeriodWarnings([a, b])).toEqual([]);
  });
});

describe('time zones', () => {
  const csv = {
    ...listening('mentions.csv', [{ at: at('2026-03-13T09:25:00Z') }]),
    timeZoneNote: 'times in this export carried no zone; read as UTC',
  };

  it('the zone an export was read in is a note, named by file', () => {
    expect(timeZoneNotes([csv])).toEqual(['mentions.csv: times in this export carried no zone; read as UTC']);
  });

  it('durations mixing absolute and zone-less times say so', () => {
    const notes = timeZoneNotes([warRoom(['2026-03-13T09:12:00Z']), csv]);
    expect(notes[1]).toMatch(
      /^Durations here combine absolute times \(war-room\.zip\) with times read in an assumed zone \(mentions\.csv\)/,
    );
    expect(notes[1]).toContain('--tz');
    expect(mergeIncidents([warRoom(['2026-03-13T09:12:00Z']), csv]).notes).toEqual(notes);
  });

  it('reach the page, beside the durations they affect', () => {
    const incident = mergeIncidents([warRoom(['2026-03-13T09:12:00Z', '2026-03-13T11:00:00Z']), csv]);
    const draft = redactDraft(incident, analyzeIncident(incident), {
      tz: 'UTC',
      redact: true,
      brandHandles: [],
      keep: [],
      title: 'Kettle leak complaints',
    });
    const page = renderPage(draft, 'content/postmortems').content;
    expect(page).toContain('mentions.csv: times in this export carried no zone; read as UTC');
    expect(page).toMatch(/Durations here combine absolute times \\?\(war-room\.zip\\?\)/);
  });

  it('absolute times alone need no note', () => {
    expect(timeZoneNotes([warRoom(['2026-03-13T09:12:00Z'])])).toEqual([]);
  });
});

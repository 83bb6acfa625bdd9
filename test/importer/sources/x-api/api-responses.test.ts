import { describe, expect, it } from 'vitest';
import { importIncident } from '../../support/pipeline.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, importError, useTempDir } from '../support.ts';

const tempDir = useTempDir();

/** X API responses as captures really leave them, read through readExports as the CLI reads them. */

const file = (...parts: string[]) => fixture('x-api', ...parts);
const brand = { brandHandles: ['examplebrand'] };

describe('an interrupted stream capture', () => {
  const path = file('interrupted', 'search.jsonl');

  it('keeps every whole page and reports the cut-off last line by file and line', async () => {
    const interrupted = await importIncident([path], brand);
    const whole = await importIncident([file('crisis', 'search.jsonl')], brand);
    expect(interrupted.mentions?.total).toBe(whole.mentions?.total);
    expect(interrupted.events.map((event) => event.sourceId)).toEqual(whole.events.map((event) => event.sourceId));
    expect(interrupted.notes).toContain(
      `${path}: X API: the last line (${path}:4) is damaged (the text ends before the document is complete (a truncated file?), column 518; an interrupted capture?) and was skipped; the 3 page(s) before it were read.`,
    );
  });

  it('still refuses a damaged line in the middle, naming it', async () => {
    const error = await importError(importIncident([file('malformed', 'truncated.jsonl')], brand));
    expect(error.location).toMatch(/^line 2, column \d+$/);
  });
});

describe('the counts endpoint', () => {
  it('feeds the mention series from twarc2 counts pages', async () => {
    const incident = await importIncident([file('counts', 'counts-hour.jsonl')], brand);
    const mentions = incident.mentions!;
    expect(mentions.total).toBe(362);
    expect(mentions.series.map((bucket) => [bucket.at.toISOString(), bucket.neutral])).toEqual([
      ['2025-03-01T13:00:00.000Z', 2],
      ['2025-03-01T14:00:00.000Z', 5],
      ['2025-03-01T15:00:00.000Z', 41],
      ['2025-03-01T16:00:00.000Z', 188],
      ['2025-03-01T17:00:00.000Z', 96],
      ['2025-03-01T18:00:00.000Z', 30],
    ]);
    expect(mentions.peakHour).toEqual(new Date('2025-03-01T16:00:00Z'));
    expect(mentions.peakCount).toBe(188);
    expect(mentions.negativeShare).toBeUndefined();
    expect(incident.notes).toContain(
      `${file('counts', 'counts-hour.jsonl')}: X API: mention volume from the counts endpoint: 362 posts in 7 buckets; counts carry no sentiment and no authors.`,
    );
  });

  it('reads a raw, pretty-printed counts response', async () => {
    const incident = await importIncident([file('counts', 'counts-all.json')], brand);
    expect(incident.mentions?.total).toBe(15);
    expect(incident.mentions?.series).toHaveLength(2);
  });

  it('refuses daily buckets, naming the option to request', async () => {
    const path = file('counts', 'counts-day.json');
    const error = await importError(importIncident([path], brand));
    expect(error.describe()).toBe(
      `${path} (line 1, data[0]): a count bucket of 24 hours; expected hourly or per-minute counts (the mention series is hourly): request the counts with granularity=hour`,
    );
  });

  it('names the bucket field that is wrong, not a raw validator message', async () => {
    const bad = join(tempDir(), 'counts.json');
    writeFileSync(
      bad,
      '{"data": [{"start": "2025-03-01T12:00:00.000Z", "end": "2025-03-01T13:00:00.000Z", "tweet_count": "many"}]}',
    );
    const error = await importError(importIncident([bad], brand));
    expect(error.describe()).toBe(
      `${bad} (line 1): data.0.tweet_count: expected tweet_count, a number (a page of the counts endpoint, /2/tweets/counts)`,
    );
  });
});

describe('posts the API could not return', () => {
  it('imports a lookup with one deleted and one valid post, noting the deleted one', async () => {
    const path = file('lookup', 'tweets-lookup.json');
    const incident = await importIncident([path], brand);
    expect(incident.mentions?.total).toBe(1);
    expect(incident.people.map((person) => person.handle)).toEqual(['kimcustomer']);
    expect(incident.notes).toContain(
      `${path}: X API: 1 post(s) were unavailable to the API (deleted, protected or suspended: 1 Not Found Error); they are not in the timeline or the counts.`,
    );
  });

  it('turns a line holding only errors into a note', async () => {
    const path = file('lookup', 'hydrate.jsonl');
    const incident = await importIncident([path], brand);
    expect(incident.mentions?.total).toBe(1);
    expect(incident.notes).toContain(
      `${path}: X API: 2 post(s) were unavailable to the API (deleted, protected or suspended: 1 Authorization Error, 1 Not Found Error); they are not in the timeline or the counts.`,
    );
  });
});

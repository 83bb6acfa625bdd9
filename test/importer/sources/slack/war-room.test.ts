import { beforeAll, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/importer/sources/slack/index.ts';
import type { IncidentEvent, PartialIncident } from '../../../../src/importer/model/incident.ts';
import { fixture, importError, inputFor, read } from '../support.ts';

const EXPORT = fixture('slack', 'war-room', 'export');

describe('Slack adapter on a war-room export', () => {
  let result: PartialIncident;
  const byText = (start: string): IncidentEvent => {
    const event = result.events.find((each) => each.text.startsWith(start));
    expect(event, `an event starting "${start}"`).toBeDefined();
    return event!;
  };

  beforeAll(async () => {
    result = await read(slackAdapter, await inputFor(EXPORT), { channel: '#inc-spring-ad' });
  });

  it('names the incident after the channel and dates detection at its first message', () => {
    expect(result.adapter).toBe('slack');
    expect(result.file).toBe(EXPORT);
    expect(result.title).toBe('#inc-spring-ad');
    expect(result.detected).toEqual(new Date('2024-05-14T10:05:00.000Z'));
    expect(result.started).toBeUndefined();
    expect(result.platforms).toEqual([]);
  });

  it('reads only the chosen channel, every message internal', () => {
    expect(result.events).toHaveLength(14);
    expect(result.events.some((event) => event.text.startsWith('Reminder: no posting'))).toBe(false);
    expect(new Set(result.events.map((event) => event.visibility))).toEqual(new Set(['internal']));
  });

  it('drops joins, leaves and integration posts, and says how many', () => {
    expect(result.events.some((event) => /has (joined|left) the channel|Spike:/.test(event.text))).toBe(false);
    expect(result.notes).toContain(
      'Slack: dropped 5 messages that are not conversation (joins, leaves, integration posts): channel_join ×3, bot_message ×1, channel_leave ×1.',
    );
    expect(result.notes).toContain(
      'Slack: read 14 messages of #inc-spring-ad from 2 day files (2024-05-14 to 2024-05-15).',
    );
    expect(result.notes).toContain('Slack: the export has 2 channels; only #inc-spring-ad was read.');
  });

  it('resolves users through users.json, with titles; bots are system, people responders', () => {
    const people = new Map(result.people.map((person) => [person.id, person]));
    expect(people.get('slack:U07DANA')).toEqual({
      id: 'slack:U07DANA',
      role: 'responder',
      handle: 'dana.w',
      name: 'Dana Whitfield',
      title: 'Head of Communications',
      // Every other name she goes by, so redaction can find it in the text.
      aliases: ['dana@example.com'],
    });
    expect(people.get('slack:U07BOT')).toMatchObject({ role: 'system', name: 'Status Bot' });
    // A Slack Connect guest is known only from the message's user_profile.
    expect(people.get('slack:U09AGENCY')).toEqual({
      id: 'slack:U09AGENCY',
      role: 'responder',
      handle: 'morgan',
      name: 'Morgan Ellis',
      aliases: ['morgan.agency'],
    });
    // Only people who appear: the member who never posted is not listed.
    expect(people.has('slack:U07QUIET')).toBe(false);
    expect([...people.keys()].sort()).toEqual(
      ['slack:U07BOT', 'slack:U07DANA', 'slack:U07LEE', 'slack:U07PRIYA', 'slack:U07SAM', 'slack:U09AGENCY'].sort(),
    );
    expect(byText('Status page updated')).toMatchObject({ actor: 'system', actorId: 'slack:U07BOT' });
    expect(byText('Care team')).toMatchObject({ actor: 'responder', actorId: 'slack:U07LEE' });
  });

  it('keeps no phone number from users.json; the e-mail only as an alias the redactor replaces', () => {
    const people = JSON.stringify(result.people);
    expect(people).not.toContain('7946');
    expect(result.people.filter((person) => JSON.stringify(person).includes('dana@example.com'))).toEqual([
      expect.objectContaining({ id: 'slack:U07DANA', aliases: ['dana@example.com'] }),
    ]);
  });

  it('groups thread replies, across days, right after their parent', () => {
    const texts = result.events.map((event) => event.text.slice(0, 24));
    expect(texts.slice(0, 6)).toEqual([
      '@here Opening a war room',
      'Drafting the holding sta',
      'Legal is fine with the w',
      'Holding statement is liv',
      'Customers are responding',
      'Screenshot of the top po',
    ]);
    const reply = byText('Customers are responding');
    expect(reply.at).toEqual(new Date('2024-05-15T09:00:00.000Z'));
    expect(reply.inReplyToId).toBe('slack:U07SAM');
    expect(reply.evidence).toEqual({
      adapter: 'slack',
      file: `${EXPORT}/inc-spring-ad/2024-05-15.json`,
      ref: 'ts 1715763600.000100 (reply in thread 1715681400.000300)',
    });
    // A thread_broadcast is a reply too; its parent's author comes from `root`.
    expect(byText('Holding statement is live')).toMatchObject({
      inReplyToId: 'slack:U07SAM',
      sourceId: '1715686200.000900',
    });
    expect(byText('Drafting the holding statement').inReplyToId).toBeUndefined();
  });

  it('decodes mrkdwn: escapes, mentions, channels, links, special mentions, mailto', () => {
    expect(byText('@here Opening').text).toBe(
      '@here Opening a war room: the spring ad is trending for the wrong reasons. Volume > 2k mentions/hour. ' +
        'See the live search (https://x.com/search?q=%23springad&f=live) and #general.',
    );
    expect(byText('Legal is fine').text).toBe(
      'Legal is fine with the wording & the apology, @Sam Okafor. Keep "<no comment>" out of it.',
    );
    expect(byText('@comms-team').text).toBe('@comms-team please hold all scheduled posts until further notice');
    expect(byText('Press asked').text).toBe(
      'Press asked for comment: press@example.com, sending them the statement <3',
    );
  });

  it('turns decisions, escalations, pins and reactions into signals and kinds', () => {
    expect(byText('Decision: we pull the ad')).toMatchObject({
      kind: 'decision',
      signals: { pinned: true, reactions: 4, decision: true },
    });
    expect(byText('We agreed to close')).toMatchObject({ kind: 'decision', signals: { reactions: 4, decision: true } });
    expect(byText('Care team')).toMatchObject({ kind: 'escalation' });
    expect(byText('Care team').signals).toBeUndefined();
    // Pinned through channels.json `pins` rather than `pinned_to`; `<!here>` reads as an escalation.
    expect(byText('@here Opening')).toMatchObject({ kind: 'escalation', signals: { pinned: true } });
    expect(byText('@comms-team')).toMatchObject({ kind: 'note', signals: { edited: true } });
    expect(byText('Screenshot')).toMatchObject({ kind: 'note' });
    expect(byText('Screenshot').signals).toBeUndefined();
  });

  it('never lets an export token through, in text or links', () => {
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/xox/i);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain('PASTEDsecret');
    expect(byText('Raw mentions').text).toBe(
      'Raw mentions for the lawyers: https://files.slack.com/files-pri/T07ACME-F07RAW/mentions.csv (please do not forward)',
    );
    expect(byText('Screenshot')).toMatchObject({
      text: 'Screenshot of the top post [file: top-post.png]',
      link: 'https://acme.slack.com/files/U07SAM/F07SHOT/top-post.png',
    });
  });

  it('accepts the channel by bare name or id', async () => {
    const input = await inputFor(EXPORT);
    const byName = await read(slackAdapter, input, { channel: 'inc-spring-ad' });
    const byId = await read(slackAdapter, input, { channel: 'C07WARROOM' });
    expect(byName).toEqual(result);
    expect(byId).toEqual(result);
  });

  it('reads another channel when asked', async () => {
    const general = await read(slackAdapter, await inputFor(EXPORT), { channel: 'general' });
    expect(general.title).toBe('#general');
    expect(general.events.map((event) => event.text)).toEqual([
      'Reminder: no posting about the spring campaign until comms says so.',
    ]);
  });
});

describe('Slack adapter channel selection', () => {
  it('asks for --channel when there are several, listing them', async () => {
    const error = await importError(read(slackAdapter, await inputFor(EXPORT)));
    expect(error.file).toBe(EXPORT);
    expect(error.message).toBe(
      'the export has 2 channels; choose the war room with --channel <name>. Channels: #general, #inc-spring-ad',
    );
  });

  it('names the channels when the one asked for is not there', async () => {
    const error = await importError(read(slackAdapter, await inputFor(EXPORT), { channel: '#war-room' }));
    expect(error.describe()).toBe(
      `${EXPORT}: no channel "#war-room" in the export; expected one of: #general, #inc-spring-ad`,
    );
  });
});

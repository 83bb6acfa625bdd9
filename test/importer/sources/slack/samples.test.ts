import { describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../../src/importer/sources/slack/index.ts';
import { fixture, inputFor, read } from '../support.ts';

describe('Slack adapter on the real hfaran export', () => {
  const EXPORT = fixture('slack', 'hfaran', 'export');

  it('reads #enrique: integration posts and joins dropped and counted', async () => {
    const result = await read(slackAdapter, await inputFor(EXPORT), { channel: 'enrique' });
    expect(result.title).toBe('#enrique');
    expect(result.events).toHaveLength(30);
    expect(result.notes).toContain(
      'Slack: dropped 72 messages that are not conversation (joins, leaves, integration posts): bot_message ×66, channel_join ×4, bot_add ×2.',
    );
    expect(result.detected).toEqual(new Date(1452837352 * 1000));
    expect(result.events[0]).toMatchObject({
      kind: 'note',
      text: '@Harry Potter: Created an issue for a setup.py so that it can be installed to a standard place',
      actor: 'responder',
      actorId: 'slack:U0BMQB6JE',
      sourceId: '1452837352.000006',
      evidence: { adapter: 'slack', file: `${EXPORT}/enrique/2016-01-14.json`, ref: 'ts 1452837352.000006' },
    });
    expect(result.events.map((event) => event.text)).toContain(
      "Here's an example: https://github.com/hfaran/progressive/blob/master/setup.py",
    );
    const people = Object.fromEntries(result.people.map((person) => [person.id, person]));
    expect(people['slack:U0BMS113R']).toEqual({
      id: 'slack:U0BMS113R',
      role: 'responder',
      handle: 'doubledeez',
      name: 'Hermione Granger',
      title: 'Eat Monkeys',
      // profile.first_name and last_name: names she goes by, for redaction.
      aliases: ['Hermione', 'Granger'],
    });
    // A user with no real name is named by the handle, so mentions read as something.
    expect(people['slack:U0BMM2FEH']).toEqual({
      id: 'slack:U0BMM2FEH',
      role: 'responder',
      handle: 'heroeshannibal',
      name: 'heroeshannibal',
    });
  });

  it('reads #traveling-sailor: file shares without their tokened URLs, edits flagged', async () => {
    const result = await read(slackAdapter, await inputFor(EXPORT), { channel: 'traveling-sailor' });
    expect(JSON.stringify(result)).not.toMatch(/xox/i);
    const share = result.events.find((event) => event.sourceId === '1459052866.000012');
    expect(share).toMatchObject({
      text: '@Hermione Granger uploaded a file: 100 cities (https://mesos-magellan.slack.com/files/U0BMS113R/F0VNAKDE2/100_cities.js)',
      link: 'https://mesos-magellan.slack.com/files/U0BMS113R/F0VNAKDE2/100_cities.js',
      actorId: 'slack:U0BMS113R',
    });
    // file_comment names its author only inside `comment`.
    const comment = result.events.find((event) => event.text.startsWith('@Hermione Granger commented on'));
    expect(comment).toMatchObject({ actor: 'responder', actorId: 'slack:U0BMS113R' });
    expect(result.events.find((event) => event.sourceId === '1458972985.000010')?.signals).toEqual({ edited: true });
  });
});

describe("Slack adapter on Zulip's thread fixtures", () => {
  const EXPORT = fixture('slack', 'zulip', 'export');

  it('puts each reply after its parent, even a reply dated before it', async () => {
    const result = await read(slackAdapter, await inputFor(EXPORT), { channel: 'random' });
    expect(result.events.map((event) => [event.text, event.inReplyToId])).toEqual([
      ['message body text', undefined],
      ['random', 'slack:U061A5N1G'],
      ['another thread message', undefined],
      ['another reply', 'slack:U061A5N1G'],
    ]);
    // Detection is the earliest message, wherever threading puts it.
    expect(result.detected).toEqual(new Date(1434139102 * 1000));
    expect(result.notes[0]).toBe('Slack: read 4 messages of #random from 4 day files (2015-06-12 to 2018-10-18).');
  });

  it('groups a thread_broadcast with its thread, its parent author taken from root', async () => {
    const result = await read(slackAdapter, await inputFor(EXPORT), { channel: 'broadcast' });
    expect(result.events.map((event) => [event.text, event.actorId, event.inReplyToId])).toEqual([
      ['thread message', 'slack:U061A5N1G', undefined],
      ['first reply', 'slack:U061A1R2R', 'slack:U061A5N1G'],
      ['everyone should see this', 'slack:U061A1R2R', 'slack:U061A5N1G'],
    ]);
  });

  it("names an author missing from users.json from the message's user_profile", async () => {
    const result = await read(slackAdapter, await inputFor(EXPORT), { channel: 'emoji' });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      text: 'Hello there! Here are some emojis :basketball: :snowboarder: :checkered_flag:',
      actorId: 'slack:U06NU4E26M9',
    });
    expect(result.people).toEqual([
      { id: 'slack:U06NU4E26M9', role: 'responder', handle: 'pieterceka123', name: 'Peter' },
    ]);
  });
});

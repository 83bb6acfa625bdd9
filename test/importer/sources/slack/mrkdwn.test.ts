import { describe, expect, it } from 'vitest';
import { decodeMrkdwn } from '../../../../src/importer/sources/slack/mrkdwn.ts';
import { cleanUrl, withoutSecrets } from '../../../../src/importer/sources/slack/secrets.ts';

const names = {
  user: (id: string) => ({ U1: 'Dana Whitfield' })[id],
  channel: (id: string) => ({ C1: 'war-room' })[id],
};

describe('mrkdwn decoding', () => {
  it.each([
    ['a &lt;b&gt; &amp;amp; c', 'a <b> &amp; c'],
    ['<@U1> look', '@Dana Whitfield look'],
    ['<@U9|legacy> and <@U9>', '@legacy and @U9'],
    ['see <#C1> and <#C2|general> and <#C3>', 'see #war-room and #general and #C3'],
    ['<!here> <!channel> <!everyone> <!here|here>', '@here @channel @everyone @here'],
    ['<!subteam^S1|@comms> <!subteam^S2>', '@comms @group'],
    ['<!date^1392734382^{date_short}|Feb 18, 2014>', 'Feb 18, 2014'],
    ['<https://example.com/a?b=1&amp;c=2>', 'https://example.com/a?b=1&c=2'],
    ['<https://example.com|example.com>', 'https://example.com'],
    ['<https://example.com/p|the page &amp; more>', 'the page & more (https://example.com/p)'],
    ['<mailto:press@example.com|Press desk>', 'Press desk'],
    ['<https://files.slack.com/f.png?t=xoxe-1-abc|a file>', 'a file (https://files.slack.com/f.png)'],
    ['a < b > c', 'a < b > c'],
  ])('%s → %s', (input, expected) => {
    expect(decodeMrkdwn(input, names)).toBe(expected);
  });
});

describe('secrets in links and text', () => {
  it('drops credential query parameters and keeps the rest', () => {
    expect(cleanUrl('https://files.slack.com/files-pri/T1-F1/a.png?t=xoxe-1-abc')).toBe(
      'https://files.slack.com/files-pri/T1-F1/a.png',
    );
    expect(cleanUrl('https://x.com/search?q=%23ad&t=xoxp-2-x&f=live#top')).toBe(
      'https://x.com/search?q=%23ad&f=live#top',
    );
    expect(cleanUrl('https://s3.example.com/o?X-Amz-Signature=abc&X-Amz-Credential=k&v=1')).toBe(
      'https://s3.example.com/o?v=1',
    );
  });

  it('replaces stray tokens in free text', () => {
    expect(withoutSecrets('token xoxb-123-456-abcDEF and xoxe.xoxp-1-Zz9 leaked')).toBe(
      'token [token removed] and [token removed] leaked',
    );
    expect(withoutSecrets('see https://files.slack.com/x.csv?t=xoxe-1-abc, thanks')).toBe(
      'see https://files.slack.com/x.csv, thanks',
    );
  });
});

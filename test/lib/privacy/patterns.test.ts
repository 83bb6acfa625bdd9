import { describe, expect, it } from 'vitest';
import { findPersonalData, passesLuhn, type FindingKind } from '../../../src/lib/privacy/patterns.ts';

/** The findings of one kind in `text`, as `match` strings. */
function found(text: string, kind: FindingKind, phoneRegions?: Parameters<typeof findPersonalData>[1]): string[] {
  return findPersonalData(text, phoneRegions)
    .filter((finding) => finding.kind === kind)
    .map((finding) => finding.match);
}

describe('phone numbers (libphonenumber-js)', () => {
  it.each([
    ['+44 7700 900123', undefined],
    ['+447700900123', undefined],
    ['07700 900123', ['GB']],
    ['(415) 555-0142', ['US']],
    ['0049 30 1234567', undefined],
    ['0049 30 1234567', ['US']],
    ['+86 138 0013 8000', undefined],
    ['1-800-555-0199', ['US']],
  ] as const)('finds %s (regions %j)', (phone, regions) => {
    const options = regions ? { phoneRegions: regions } : {};
    expect(found(`Call me on ${phone}, thanks.`, 'phone', options)).toEqual([phone]);
  });

  it.each([
    'on 2025-03-14 at 14:02',
    'at 2025-03-01T14:02:00Z and 2025-03-01T14:02:00+01:00',
    'between 09:00-17:30',
    'in 2024, 2025 and 1999',
    'dated 14.03.2025 or 03/14/2025',
    '12 000 000 views and 1,250,000 likes',
    'order 1234567890',
    'order #1234567890',
    'order no. 4471 2290 18',
    'ticket #88120033',
    'post 1896000000000000001',
    'Slack ts 1709301720.000200',
    'version 2.14.0',
  ])('does not flag %s', (text) => {
    expect(found(text, 'phone')).toEqual([]);
  });

  it('still finds a number written right after a date or a date-time', () => {
    expect(found('2025-03-01T14:02:00Z call 07700 900123 now', 'phone', { phoneRegions: ['GB'] })).toEqual([
      '07700 900123',
    ]);
    expect(found('On 2025-03-14: +44 7700 900123', 'phone')).toEqual(['+44 7700 900123']);
    // Not a date (month 13): read as digits like any other, and here a phone number.
    expect(found('ring 0161-13-49612', 'phone', { phoneRegions: ['GB'] })).toEqual(['0161-13-49612']);
  });
});

describe('payment-card numbers', () => {
  it('finds Luhn-valid numbers of 13 to 19 digits, grouped or not', () => {
    expect(found('card 4111 1111 1111 1111', 'card')).toEqual(['4111 1111 1111 1111']);
    expect(found('card 4111-1111-1111-1111', 'card')).toEqual(['4111-1111-1111-1111']);
    expect(found('amex 378282246310005', 'card')).toEqual(['378282246310005']);
  });

  it('passes numbers that fail the check, ids and numbers inside links', () => {
    expect(found('card 4111 1111 1111 1112', 'card')).toEqual([]);
    expect(found('post 1896000000000000001', 'card')).toEqual([]);
    expect(found('https://x.com/Firebreak/status/4111111111111111', 'card')).toEqual([]);
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('IP addresses', () => {
  it('finds IPv4 and IPv6 addresses', () => {
    expect(found('from 203.0.113.45.', 'ip')).toEqual(['203.0.113.45']);
    expect(found('from 2001:db8:85a3::8a2e:370:7334 today', 'ip')).toEqual(['2001:db8:85a3::8a2e:370:7334']);
    expect(found('from fe80::1ff:fe23:4567:890a', 'ip')).toEqual(['fe80::1ff:fe23:4567:890a']);
  });

  it('passes versions, times, loopback and C++ scopes', () => {
    expect(found('v1.2.3 then 1.2.3.4.5, 127.0.0.1, ::1, 14:02:00, std::vector, 999.1.1.1', 'ip')).toEqual([]);
  });
});

describe('tokens in URLs', () => {
  it.each([
    'https://b.s3.amazonaws.com/k.png?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc123',
    'https://storage.googleapis.com/b/o?X-Goog-Signature=abc123',
    'https://a.blob.core.windows.net/c/r.pdf?sv=2024&sig=Zm9v',
    'https://api.example.com/v?access_token=abc',
    'https://api.example.com/v?token=abc',
    'https://d111.cloudfront.net/v.mp4?Expires=1&Signature=abc&Key-Pair-Id=K1',
  ])('finds the credential in %s', (url) => {
    expect(found(url, 'url-token').length).toBeGreaterThan(0);
  });

  it('passes ordinary parameters', () => {
    expect(found('https://example.com/search?q=kettle&page=2&sort=new', 'url-token')).toEqual([]);
  });
});

describe('handles in profile URLs', () => {
  it.each([
    ['https://www.tiktok.com/@jane.doe/video/1', 'jane.doe'],
    ['https://www.threads.net/@jane_doe', 'jane_doe'],
    ['instagram.com/jane.doe/', 'jane.doe'],
    ['https://x.com/janedoe/status/1', 'janedoe'],
    ['https://twitter.com/janedoe', 'janedoe'],
    ['https://www.facebook.com/jane.doe.5', 'jane.doe.5'],
    ['https://www.linkedin.com/in/jane-doe-1a', 'jane-doe-1a'],
    ['https://bsky.app/profile/jane.bsky.social', 'jane.bsky.social'],
    ['https://www.youtube.com/@JaneDoe', 'JaneDoe'],
    ['https://www.reddit.com/u/jane_d', 'jane_d'],
    ['https://www.reddit.com/user/jane_d', 'jane_d'],
  ])('finds the account in %s', (url, handle) => {
    const findings = findPersonalData(url).filter((finding) => finding.kind === 'profile-handle');
    expect(findings.map((finding) => finding.handle)).toEqual([handle]);
  });

  it('passes pages of the platforms that name no account', () => {
    const text = 'x.com/search?q=a x.com/i/flow instagram.com/p/abc instagram.com/explore facebook.com/groups/x';
    expect(found(text, 'profile-handle')).toEqual([]);
  });
});

describe('private share links', () => {
  it.each([
    'https://www.dropbox.com/s/a1b2c3/file.pdf?dl=0',
    'https://www.dropbox.com/scl/fi/a1b2c3/file.pdf?rlkey=x',
    'https://drive.google.com/file/d/1AbC/view',
    'https://drive.google.com/drive/folders/1AbC',
    'https://docs.google.com/document/d/1AbC/edit',
    'https://files.slack.com/files-pri/T0-F0/shot.png',
  ])('finds %s', (url) => {
    expect(found(`see ${url}.`, 'share-link')).toEqual([url]);
  });

  it('passes public pages of the same services', () => {
    expect(found('https://help.dropbox.com/share and https://www.google.com/docs/about/', 'share-link')).toEqual([]);
  });
});

describe('@handles', () => {
  it("does not read Slack's @channel, @here and @everyone as people", () => {
    expect(found('@channel @here @everyone @jane_doe', 'handle')).toEqual(['@jane_doe']);
  });
});

describe('strings skipped before the scans', () => {
  it('finds nothing in a whole date-time or a vocabulary word, and still everything around them', () => {
    for (const text of ['2025-03-14T09:12:00Z', '2025-03-14T09:12:00+01:00', '2025-03-14', 'statement', 'high']) {
      expect(findPersonalData(text)).toEqual([]);
    }
    // No `.`, `:` or `@`, but digits enough for a phone; a handle with no other punctuation.
    expect(findPersonalData('ring 07700 900123 after lunch', { phoneRegions: ['GB'] }).map((f) => f.kind)).toEqual([
      'phone',
    ]);
    expect(findPersonalData('ask @dana_runs first').map((f) => f.kind)).toEqual(['handle']);
    // A date-time followed by more text is scanned like any sentence.
    expect(findPersonalData('2025-03-14T09:12:00Z mail dana@example.org').map((f) => f.kind)).toEqual(['email']);
  });
});

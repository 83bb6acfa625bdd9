import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WEB_URL_MESSAGE, isAllowedUrl, urlRefusal, webUrl } from '../../src/schema/url-policy.ts';

describe('the URL policy', () => {
  it.each([
    'https://example.com/a?b=1#c',
    'http://example.com',
    'HTTPS://EXAMPLE.COM/',
    'mailto:press@example.com',
    '#severity-2',
    '/playbook/crisis-now/',
    '../incidents/',
    './x',
    'incidents/2025-03-14-promo-code-leak/',
    '?step=4',
  ])('allows %s', (url) => {
    expect(urlRefusal(url)).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', /"javascript:" links are not allowed/],
    ['JaVaScRiPt:alert(1)', /"javascript:" links are not allowed/],
    ['&#106;avascript:alert(1)', /"javascript:" links are not allowed/],
    ['&#x6A;avascript&colon;alert(1)', /"javascript:" links are not allowed/],
    ['java\tscript:alert(1)', /control character \(U\+0009\)/],
    ['java\u200bscript:alert(1)', /invisible or control character \(U\+200B\)/],
    ['https://exa\u202emple.com', /U\+202E/],
    ['data:text/html,<script>', /"data:" links are not allowed/],
    ['vbscript:msgbox', /"vbscript:" links are not allowed/],
    ['file:///etc/passwd', /"file:" links are not allowed/],
    ['//evil.example/x', /leads to another site/],
    ['/\\evil.example/x', /leads to another site/],
    ['\\\\evil.example', /leads to another site/],
    ['https:evil.example', /needs a host/],
    ['http://', /not a valid link|needs a host/],
  ])('refuses %j', (url, reason) => {
    expect(urlRefusal(url)).toMatch(reason);
    expect(isAllowedUrl(url)).toBe(false);
  });
});

describe('a web-link field (webUrl)', () => {
  const messages = (value: string) => webUrl.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

  it('accepts an http(s) link, trimmed', () => {
    expect(webUrl.parse('  https://example.com/a  ')).toBe('https://example.com/a');
  });

  it('says once what a web link is when the value is none', () => {
    expect(messages('example.com')).toEqual([WEB_URL_MESSAGE]);
    expect(messages('javascript:alert(1)')).toEqual([WEB_URL_MESSAGE]);
  });

  it('refuses by the policy what only looks like a web link', () => {
    expect(messages('https://exa\u200bmple.com')).toEqual([expect.stringMatching(/invisible or control character/)]);
  });

  it('carries its shape into JSON Schema as a pattern, for editors', () => {
    expect(z.toJSONSchema(webUrl)).toMatchObject({ type: 'string', pattern: '^https?:\\/\\/\\S+$' });
  });
});

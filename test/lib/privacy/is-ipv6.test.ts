import { isIPv6 as nodeIsIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isIPv6 } from '../../../src/lib/privacy/patterns.ts';

/**
 * The privacy patterns run in the browser too (the contribute form), where node:net is not:
 * the URL parser's IPv6 rule must agree with Node's on everything the candidate pattern finds.
 */
describe('isIPv6 without node:net', () => {
  const cases = [
    '2001:db8::1',
    '2001:DB8:0:0:8:800:200C:417A',
    '::1',
    '::',
    'fe80::',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::',
    '::ffff:192.168.0.1',
    '::ffff:192.168.01.1',
    '::ffff:256.1.1.1',
    '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1::2::3',
    '12345::1',
    ':1:2',
    '1:2:',
    'a:b',
    '10:30:45',
    'ab:cd:ef::',
    'g::1',
  ];
  it.each(cases)('%s: as node:net says', (text) => {
    expect(isIPv6(text)).toBe(nodeIsIPv6(text));
  });
});

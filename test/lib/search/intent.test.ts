import { describe, expect, it } from 'vitest';
import { favoured, queryIntent } from '../../../src/lib/search/intent.ts';
import { words } from '../../../src/lib/search/tokens.ts';

const intent = (query: string) => queryIntent(words(query));

describe('query intent', () => {
  it('reads how-to and what-now questions as asking for an answer', () => {
    for (const q of [
      'should we reply',
      'who do I call',
      'pause scheduled posts',
      'how to apologise',
      'what now',
      'holding statement template',
    ])
      expect(intent(q), q).toBe('answer');
  });

  it('reads a platform, a year or a past event as asking for incidents', () => {
    for (const q of [
      'ceo linkedin post',
      'instagram hacked',
      'discount code went viral',
      'recall 2021',
      'twitter pile-on',
    ])
      expect(intent(q), q).toBe('event');
  });

  it('lets a question about a platform ask for an answer', () => {
    expect(intent('how to recover a hacked instagram')).toBe('answer');
  });

  it('reads "how" and "why" as a question wherever they stand, past an event word', () => {
    expect(intent('find out why it happened')).toBe('answer');
    expect(intent('instagram hacked how to recover')).toBe('answer');
    expect(intent('find out what happened')).toBe('event');
  });

  it('leaves a plain topic to the ranking', () => {
    expect(intent('scheduled post storm')).toBe('topic');
    expect(intent('last word')).toBe('topic');
  });

  it('favours the playbook for answers and incidents for events', () => {
    expect([favoured('answer', true), favoured('answer', false)]).toEqual([true, false]);
    expect([favoured('event', true), favoured('event', false)]).toEqual([false, true]);
    expect([favoured('topic', true), favoured('topic', false)]).toEqual([false, false]);
  });
});

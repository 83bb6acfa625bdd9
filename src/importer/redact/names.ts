import { EMAIL } from '../../lib/privacy/patterns.ts';
import type { Person } from '../model/incident.ts';

/**
 * How the names a person goes by are found in text: which variants of a name count, how they
 * are compared, and where a found word reads as a name at all.
 */

/** An alias that is an e-mail address, not a name. */
export const EMAIL_ONLY = new RegExp(`^${EMAIL.source.replace(/^\\b|\\b$/g, '')}$`);

/**
 * First names that are also everyday English words: as a lone word they are only a name where a
 * sentence does not start with them (see `readsAsName`).
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set([
  'will',
  'may',
  'mark',
  'bill',
  'rose',
  'grace',
  'hope',
  'joy',
  'june',
  'april',
  'august',
  'faith',
  'frank',
  'jack',
  'sue',
  'pat',
  'art',
  'don',
  'ray',
  'rob',
  'guy',
  'dawn',
  'summer',
  'chase',
  'hunter',
  'page',
  'sky',
  'rich',
  'sunny',
  'penny',
  'robin',
  'drew',
  'gene',
  'miles',
  'ivy',
  'holly',
]);

/** How a name variant is matched: a full name (any case, flexible separators), a lone word (capitalised only), a handle (any case). */
export interface Variant {
  text: string;
  kind: 'full' | 'single' | 'handle';
  person: Person;
}

/** Separators between the words of a name, as prose, file names and URLs write them. */
const NAME_SEPARATOR = '(?:[\\s_.+-]|%20)+';

/** A handle or --keep entry as compared: without the @, lowercased. */
export function normal(value: string): string {
  return value.replace(/^@/, '').toLowerCase();
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The comparison key of a name: lowercased, with any run of separators as one space. */
export function variantKey(text: string): string {
  return text
    .replace(/^@/, '')
    .replace(/(?:[\s_.+-]|%20)+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A variant as a regular-expression source: a full name allows any separators between its words. */
export function variantSource(variant: Omit<Variant, 'person'>): string {
  if (variant.kind !== 'full') return escapeRegExp(variant.text);
  return variant.text.trim().split(/\s+/).map(escapeRegExp).join(NAME_SEPARATOR);
}

/** Every name a person goes by, classified for matching; short ones that are ordinary words are left out. */
export function nameVariants(person: Person): Omit<Variant, 'person'>[] {
  const out: Omit<Variant, 'person'>[] = [];
  const addWord = (word: string) => {
    const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // "Jane": a name, matched capitalised only. "abilinski", "jdoe": handle-like, any case,
    // but only from 4 characters ("sam" or "ops" are ordinary words).
    if (/^\p{Lu}/u.test(clean) && /^[\p{L}'’-]{2,}$/u.test(clean)) out.push({ text: clean, kind: 'single' });
    else if (clean.length >= 4 && /\p{L}/u.test(clean)) out.push({ text: clean, kind: 'handle' });
  };
  if (person.handle && person.handle.length >= 4) out.push({ text: normal(person.handle), kind: 'handle' });
  for (const value of [person.name, ...(person.aliases ?? [])]) {
    const text = value?.trim();
    if (!text) continue;
    if (EMAIL_ONLY.test(text)) {
      out.push({ text, kind: 'handle' });
      continue;
    }
    const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
    if (words.length > 1) {
      if (text.length >= 3) out.push({ text, kind: 'full' });
      addWord(words[0]!);
    } else if (words.length === 1) {
      addWord(words[0]!);
    }
  }
  return out;
}

/** A label as it can stand in a URL or a handle position: `@person-2` → `person-2`, spaces as dashes. */
export function bare(label: string): string {
  return label.replace(/^@/, '').replace(/ /g, '-');
}

/**
 * Whether the text around `offset` is a link or a file name (`/jane-doe/`, `Jane_Doe.png`),
 * where a pseudonym must not bring a space in.
 */
export function inLinkOrFileName(text: string, offset: number, length: number): boolean {
  const start = text.slice(0, offset).search(/\S*$/);
  const end = offset + length + (text.slice(offset + length).match(/^\S*/)?.[0].length ?? 0);
  // What surrounds the name in its token: `/…/`, `_complaint.png` (a handle's own `_` does not count).
  const around = text.slice(start, offset) + ' ' + text.slice(offset + length, end);
  return /[/_]|%20|\.[A-Za-z0-9]{2,5}\]?$/.test(around) && !/\s/.test(text.slice(offset, offset + length));
}

/** Whether a single word found at `offset` of `whole` may be read as this name. */
export function readsAsName(variant: Variant, found: string, offset: number, whole: string): boolean {
  if (variant.kind !== 'single') return true;
  // A lone first or last name only where it is written like one: capitalised.
  if (!/^\p{Lu}/u.test(found)) return false;
  if (!COMMON_WORD_NAMES.has(found.toLowerCase())) return true;
  // "Will", "May", "Mark" open sentences as ordinary words; there only "Will," (addressed) is a name.
  const before = whole.slice(0, offset);
  const startsSentence = /(?:^|[.!?:;]\s+|\n\s*|["“(]\s*)$/.test(before);
  return !startsSentence || /^[,:]/.test(whole.slice(offset + found.length));
}

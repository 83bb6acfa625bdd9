import { HANDLE } from '../../lib/privacy/patterns.ts';
import type { Person } from '../model/incident.ts';
import { EMAIL_ONLY, nameVariants, variantKey, variantSource, type Variant } from './names.ts';
import type { PeopleBook } from './people.ts';

/** Every name of a protected person, ready to be found in text. */
export interface NameMatcher {
  /** Every name a protected person goes by, by its comparison key (see `variantKey`). */
  variants: ReadonlyMap<string, Variant>;
  /** E-mail addresses of protected people, lowercased. */
  emailOwners: ReadonlyMap<string, Person>;
  /**
   * One pattern for Slack `<@U…>` mentions (group `slack`), every known name and handle of a
   * protected person (groups `at`, `name`; Slack renders mentions as `@Real Name`) and any other
   * @handle (group `handle`), so one pass replaces them all and a pseudonym put in is never read
   * again as a new name.
   */
  pattern: RegExp;
}

/** Words that belong to the brand, --keep entries and kept accounts: never someone else's pseudonym. */
function keptWords(people: readonly Person[], book: PeopleBook): Set<string> {
  const words = new Set<string>([...book.brand, ...book.keep].map(variantKey));
  for (const person of people) {
    if (book.isProtected(person)) continue;
    for (const value of [person.handle, person.name, ...(person.aliases ?? [])]) {
      if (value) for (const word of [value, ...value.split(/\s+/)]) words.add(variantKey(word));
    }
  }
  return words;
}

export function buildNameMatcher(people: readonly Person[], book: PeopleBook): NameMatcher {
  const kept = keptWords(people, book);
  const variants = new Map<string, Variant>();
  const emailOwners = new Map<string, Person>();
  for (const person of people) {
    if (!book.isProtected(person)) continue;
    for (const variant of nameVariants(person)) {
      if (EMAIL_ONLY.test(variant.text)) {
        emailOwners.set(variant.text.toLowerCase(), person);
        continue;
      }
      const key = variantKey(variant.text);
      if (kept.has(key) || variants.has(key)) continue;
      variants.set(key, { ...variant, person });
    }
  }
  // Longest first, so "Ann Lee" wins over "Ann" and "jane_kettles" over "Jane".
  const sources = [...variants.values()].sort((a, b) => b.text.length - a.text.length).map(variantSource);
  const pattern = new RegExp(
    [
      '<@(?<slack>[A-Z0-9]+)(?:\\|[^>]*)?>',
      ...(sources.length > 0 ? [`(?<![\\p{L}\\p{N}@])(?<at>@?)(?<name>${sources.join('|')})(?![\\p{L}\\p{N}])`] : []),
      `(?<![\\w@./])@(?<handle>${HANDLE.source.slice(HANDLE.source.indexOf('@(') + 2, -1)})`,
    ].join('|'),
    'giu',
  );
  return { variants, emailOwners, pattern };
}

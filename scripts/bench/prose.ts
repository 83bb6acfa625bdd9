import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The published samples whose wording the benchmark's prose is drawn from. */
export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'content', 'postmortems');

/**
 * A word the generated text may use: letters with an optional apostrophe or dash inside and one
 * trailing punctuation mark. Digits, @, URLs and Markdown syntax are left out on purpose, so a
 * recombination can never form a phone number, a handle, a link or a "TODO:" the content check
 * would (rightly) refuse.
 */
const WORD = /^[A-Za-z][A-Za-z'’-]*[A-Za-z][.,;]?$|^[aAI][.,;]?$/;

/** Longest generated sentence, in words; a walk that runs on is cut here and closed with a full stop. */
export const SENTENCE_MAX_WORDS = 28;

/**
 * Prose with the vocabulary and word order of the project's own post-mortems: a word-level
 * Markov chain (bigrams) over the samples' bodies and quoted front-matter strings. Real text
 * matters here because the search index's size, and so the first-search bytes, grows with the
 * vocabulary; a short word list would flatter it.
 */
export interface Prose {
  /** One sentence, capitalised and ending with a full stop. */
  sentence(): string;
  /** Sentences until at least `words` words are written. */
  paragraph(words: number): string;
  /** A few lowercase words with no punctuation (for tags and short labels). */
  phrase(words: number): string;
}

/** The text of the samples: bodies plus every double-quoted front-matter value. */
export function sampleText(dir: string = SAMPLES_DIR): string {
  const parts: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue;
    const source = readFileSync(join(dir, name), 'utf8');
    const end = source.indexOf('\n---', 3);
    const frontmatter = end > 0 ? source.slice(0, end) : '';
    const body = end > 0 ? source.slice(end + 4) : source;
    for (const match of frontmatter.matchAll(/"([^"\n]{12,})"/g)) parts.push(match[1]!);
    parts.push(body.replace(/^#.*$/gm, ''));
  }
  return parts.join(' ');
}

export function prose(text: string, rand: () => number): Prose {
  const tokens = text.split(/\s+/).filter((token) => WORD.test(token));
  if (tokens.length < 200)
    throw new Error(`the prose source has only ${tokens.length} usable words (expected 200 or more)`);
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [word, following] = [tokens[i]!, tokens[i + 1]!];
    (next.get(word) ?? next.set(word, []).get(word)!).push(following);
    if (/[.]$/.test(word) && /^[A-Z]/.test(following)) starts.push(following);
  }
  const plain = [...new Set(tokens.map((t) => t.replace(/[.,;]$/, '').toLowerCase()).filter((t) => t.length > 3))];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

  const sentence = (): string => {
    const words = [pick(starts)];
    while (!/[.]$/.test(words.at(-1)!) && words.length < SENTENCE_MAX_WORDS) {
      const options = next.get(words.at(-1)!);
      if (!options) break;
      words.push(pick(options));
    }
    const last = words.at(-1)!.replace(/[.,;]$/, '');
    words[words.length - 1] = `${last}.`;
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return words.join(' ');
  };

  return {
    sentence,
    paragraph(words) {
      const sentences: string[] = [];
      let count = 0;
      while (count < words) {
        const s = sentence();
        sentences.push(s);
        count += s.split(' ').length;
      }
      return sentences.join(' ');
    },
    phrase(words) {
      return Array.from({ length: words }, () => pick(plain)).join(' ');
    },
  };
}

/** Counts words as a reader sees them: runs of letters and digits, link targets left out. */
export function wordCount(text: string): number {
  return text.replace(/\]\([^)]*\)/g, ']').match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g)?.length ?? 0;
}

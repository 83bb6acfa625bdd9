/**
 * Finds deadlines, cadences and thresholds typed by hand into a page instead of rendered from
 * src/schema/deadlines.ts and severity.ts. Worked examples (<Example>…</Example>) are stories
 * with their own clock, so they are left out, as are `{{name}}` tokens and `{n('name')}` calls.
 */
const WORD_NUMBER =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)';
const NUMBER = `(?:\\d+(?:[.,]\\d+)?|${WORD_NUMBER})`;
const UNIT = '(?:minutes?|mins?|hours?|hrs?|working days?|days?|weeks?)';

/** A hard-coded number with a time unit, a multiple of the normal rate, or "within the hour". */
export const HARD_CODED = [
  new RegExp(`\\b${NUMBER}(?:\\s*(?:to|–|-|or)\\s*${NUMBER})?[\\s-]+${UNIT}\\b`, 'gi'),
  new RegExp(`\\b\\d+(?:\\.\\d+)?\\s*(?:×|x\\b|times\\b)`, 'gi'),
  /\bwithin (?:the|an|the first) hour\b/gi,
  /\b(?:half an hour|quarter of an hour)\b/gi,
];

export interface HardCodedNumber {
  line: number;
  text: string;
}

/** Every hard-coded number in a page's source, with its line. */
export function findHardCodedNumbers(source: string): HardCodedNumber[] {
  const blanked = source
    // Keep line numbers: replace what is exempt by spaces, newlines kept.
    .replace(/<Example[\s\S]*?<\/Example>/g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/\{\{\s*[a-z0-9-]+\s*\}\}/g, (token) => ' '.repeat(token.length))
    .replace(/\{n\('[a-z0-9-]+'\)\}/g, (call) => ' '.repeat(call.length))
    .replace(/^lastReviewed:.*$|^lastVerified:.*$/gm, (line) => ' '.repeat(line.length));
  const found: HardCodedNumber[] = [];
  for (const pattern of HARD_CODED) {
    for (const match of blanked.matchAll(pattern)) {
      const line = blanked.slice(0, match.index).split('\n').length;
      found.push({ line, text: match[0] });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * Function words: they carry the grammar of a question ("what do we do now"), not its topic,
 * so they never decide which pages match. A query made only of them is searched as typed.
 * Kept short on purpose: "not", "now", "first" and "before" mean something in a crisis.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does doing dont for from get gets got ' +
    'had has have having he her here hers him his how i if im in into is it its ive just me my of on ' +
    'or our ours out she should so some than that the their them then there these they this those to ' +
    'up us very was we were weve what when where which while who whom why will with would you your ' +
    'ive id ill youre theyre thats whats hows lets let not also any each such only same too again ' +
    'about against among around behind between during per since through toward towards until upon via ' +
    'within without while someone somebody something anyone anybody anything everyone everybody everything'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

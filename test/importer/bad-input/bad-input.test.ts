import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
  closeSync,
  writeFileSync,
  readFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runImport } from '../support/pipeline.ts';

const scratch = mkdtempSync(join(tmpdir(), 'firebreak-bad-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file of `prefix` followed by 100 MB on one line, without ever holding it in memory. */
function hundredMegabyteLine(name: string, prefix: string): string {
  const path = join(scratch, name);
  const fd = openSync(path, 'w');
  writeSync(fd, prefix);
  const chunk = Buffer.alloc(1 << 20, 'a');
  for (let i = 0; i < 100; i++) writeSync(fd, chunk);
  closeSync(fd);
  return path;
}

interface Case {
  name: string;
  args: () => string[];
  /** The file the message must name. */
  file: () => string;
  /** The place inside it, as printed in parentheses. */
  place?: RegExp;
  message: RegExp;
}

const bad = (name: string) => fixture(`bad-input/${name}`);

const cases: Case[] = [
  {
    name: 'an empty file',
    args: () => [bad('empty.json')],
    file: () => bad('empty.json'),
    place: /byte 0/,
    message: /empty/,
  },
  {
    name: 'truncated JSON',
    args: () => [bad('truncated.json')],
    file: () => bad('truncated.json'),
    place: /line \d+, column \d+/,
    message: /truncated/,
  },
  {
    name: 'a binary file named .csv',
    args: () => [bad('binary.csv')],
    file: () => bad('binary.csv'),
    place: /first bytes/,
    message: /binary/,
  },
  {
    name: 'an unknown encoding (UTF-32)',
    args: () => [bad('unknown-encoding.csv')],
    file: () => bad('unknown-encoding.csv'),
    place: /first bytes/,
    message: /not a format this importer recognises; expected one of: .*brandwatch/,
  },
  {
    name: 'a CSV without a usable header',
    args: () => ['--format', 'brandwatch', bad('no-header.csv')],
    file: () => bad('no-header.csv'),
    place: /line|row|header/,
    message: /header/i,
  },
  {
    name: 'a CSV without a date column',
    args: () => ['--map', 'text=Text', bad('no-date-column.csv')],
    file: () => bad('no-date-column.csv'),
    place: /line|row|header|column/,
    message: /date/i,
  },
  {
    name: 'garbage dates',
    args: () => [bad('garbage-dates.csv')],
    file: () => bad('garbage-dates.csv'),
    place: /row 1 .*column Date/,
    message: /yesterday-ish/,
  },
  {
    name: 'a timestamp without a zone',
    args: () => [bad('timestamp-without-zone.json')],
    file: () => bad('timestamp-without-zone.json'),
    place: /field events\.0\.at/,
    message: /with a zone/,
  },
  {
    name: 'a reference to nobody',
    args: () => [bad('unknown-person.json')],
    file: () => bad('unknown-person.json'),
    place: /field events\.10\.actorId/,
    message: /"nobody"/,
  },
  {
    name: 'an unsupported format version',
    args: () => [bad('wrong-version.json')],
    file: () => bad('wrong-version.json'),
    place: /field version/,
    message: /version/,
  },
  {
    name: 'plain prose',
    args: () => [bad('notes.txt')],
    file: () => bad('notes.txt'),
    place: /first bytes/,
    message: /--format/,
  },
  {
    name: 'a truncated Slack day file',
    args: () => [bad('truncated-day')],
    file: () => bad('truncated-day'),
    place: /entry war-room\/2025-03-01\.json/,
    message: /invalid JSON/,
  },
  {
    name: 'a zip entry with ..',
    args: () => [bad('zip-slip.zip')],
    file: () => bad('zip-slip.zip'),
    place: /entry \.\.\/\.\.\/evil\.json/,
    message: /\.\./,
  },
  {
    name: 'a zip entry with an absolute path',
    args: () => [bad('zip-absolute.zip')],
    file: () => bad('zip-absolute.zip'),
    place: /entry \/tmp\/evil\.json/,
    message: /absolute/,
  },
  {
    name: 'a symlink in a zip',
    args: () => [bad('zip-symlink.zip')],
    file: () => bad('zip-symlink.zip'),
    place: /entry war-room\/2025-03-02\.json/,
    message: /symbolic link/,
  },
  {
    name: 'a zip that expands beyond the limit',
    args: () => [bad('zip-bomb.zip')],
    file: () => bad('zip-bomb.zip'),
    place: /entry war-room\/2025-03-02\.json/,
    message: /limit/,
  },
  {
    name: 'a 100 MB single line in a CSV',
    args: () => ['--format', 'csv', hundredMegabyteLine('one-line.csv', 'Date,Text\n2025-03-01 10:00:00,')],
    file: () => join(scratch, 'one-line.csv'),
    place: /line 2/,
    message: /longer than/,
  },
  {
    name: 'a 100 MB single line of JSON',
    args: () => [hundredMegabyteLine('one-line.json', '{"format":"firebreak-incident","version":1,"title":"')],
    file: () => join(scratch, 'one-line.json'),
    place: /whole file/,
    message: /at most \d+ MB/,
  },
  {
    name: 'a missing file',
    args: () => [bad('no-such-export.csv')],
    file: () => bad('no-such-export.csv'),
    message: /no such file/,
  },
  {
    name: 'one bad export among good ones',
    args: () => [fixture('firebreak-json/kettle-leak.json'), bad('truncated.json')],
    file: () => bad('truncated.json'),
    place: /line \d+/,
    message: /truncated/,
  },
];

describe('bad input: exit ≠ 0, one line naming file and place, nothing written', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const out = join(scratch, `out-${testCase.name.replace(/\W+/g, '-')}`);
      const result = runImport(['--out', out, ...testCase.args()]);
      expect(result.status).not.toBe(0);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      const line = lines[0]!;
      expect(line).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
      expect(line.startsWith(`Import failed: ${testCase.file()}`), line).toBe(true);
      if (testCase.place)
        expect(line).toMatch(new RegExp(`^Import failed: [^(]*\\((?:[^)]|\\)(?!:))*${testCase.place.source}`));
      expect(line).toMatch(testCase.message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('existing pages and the command line', () => {
  it('never overwrites an existing page without --force, and leaves it untouched', () => {
    const out = join(scratch, 'existing');
    mkdirSync(out);
    const first = runImport(['--out', out, fixture('firebreak-json/kettle-leak.json')]);
    expect(first.status).toBe(0);
    const path = first.stdout.trim();
    writeFileSync(path, 'edited by a human\n');
    const again = runImport(['--out', out, fixture('firebreak-json/kettle-leak.json')]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(
      /^Import failed: .*2025-03-01-kettle-leak-complaints-go-viral\.md: already exists; use --force/,
    );
    expect(readFileSync(path, 'utf8')).toBe('edited by a human\n');
    expect(readdirSync(out)).toEqual(['2025-03-01-kettle-leak-complaints-go-viral.md']);
    const forced = runImport(['--out', out, '--force', fixture('firebreak-json/kettle-leak.json')]);
    expect(forced.status).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ntitle: Kettle leak/);
    expect(readdirSync(out)).toHaveLength(1); // no temporary file left behind
  });

  for (const [name, args, message] of [
    ['an unknown option', ['--colour', 'x.json'], /Unknown option '--colour'/],
    ['an unknown --format', ['--format', 'myspace', 'x.json'], /--format myspace .*expected one of: firebreak-json/],
    ['an unknown --tz', ['--tz', 'Mars/Olympus', 'x.json'], /--tz Mars\/Olympus is not a time zone/],
    ['a malformed --map', ['--map', 'date', 'x.json'], /--map date is not field=Column/],
    ['no export at all', [], /no export given/],
  ] as const) {
    it(`refuses ${name} with exit code 2 and a one-line message`, () => {
      const out = join(scratch, `usage-${name.replace(/\W+/g, '-')}`);
      const result = runImport(['--out', out, ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

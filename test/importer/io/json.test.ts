import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, parseJsonText } from '../../../src/importer/io/json.ts';
import { ImportError } from '../../../src/importer/errors.ts';

/** What JSON.parse's failure on `text` becomes. */
function syntaxOf(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxError(text, error);
  }
  throw new Error('expected JSON.parse to fail');
}

describe('JSON syntax errors', () => {
  it('takes the line and column V8 reports', () => {
    expect(syntaxOf('{\n  "a": 1,\n}')).toEqual({ problem: 'unexpected "}"', line: 3, column: 1, atEnd: false });
  });

  it('locates an error V8 reports without a position (a bad literal), without quoting the input', () => {
    const text = '[\n  "secret-token-123",\n  nul]';
    const error = syntaxOf(text);
    expect(error).toEqual({ problem: 'unexpected "]"', line: 3, column: 6, atEnd: false });
    expect(JSON.stringify(error)).not.toContain('secret');
  });

  it('locates an unexpected value after CRLF line breaks', () => {
    expect(syntaxOf('[1,\r\n  x]')).toMatchObject({ problem: 'unexpected "x"', line: 2, column: 3 });
  });

  it('says when the text ends too early, and where the end is', () => {
    expect(syntaxOf('{"a": [1,\n2')).toEqual({
      problem: 'the text ends before the document is complete (a truncated file?)',
      line: 2,
      column: 2,
      atEnd: true,
    });
    expect(syntaxOf('{"a": "unfinished')).toMatchObject({
      problem: 'a string is not closed before the end of the text (a truncated file?)',
      atEnd: true,
    });
  });

  it('names a whole character, not half of a surrogate pair', () => {
    expect(syntaxOf('[1 😀]').problem).toBe('unexpected "😀"');
  });

  it('parseJsonText throws ImportError with the place, after a BOM', () => {
    let caught: unknown;
    try {
      parseJsonText('x.json', '\uFEFF{"a" 1}', 'entry a.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as ImportError).describe()).toBe(
      'x.json (entry a.json, line 1, column 6): invalid JSON: unexpected "1"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { readYaml, writeYaml, YamlError } from '../../src/lib/yaml.ts';

describe('the YAML reader', () => {
  it('reads data with YAML 1.2 core types (timestamps stay strings) and finds the line of every key and item', () => {
    const { data, lineOf } = readYaml(
      'title: A\nstarted: 2025-01-10T14:00:00Z\nlist:\n  - at: x\n    text: y\n  - plain\n',
    );
    expect(data).toEqual({ title: 'A', started: '2025-01-10T14:00:00Z', list: [{ at: 'x', text: 'y' }, 'plain'] });
    expect(lineOf(['started'])).toBe(2);
    expect(lineOf(['list', 0, 'text'])).toBe(5);
    expect(lineOf(['list', 1])).toBe(6);
    expect(lineOf(['list', 7])).toBe(3);
    expect(lineOf(['missing'])).toBeUndefined();
  });

  it('counts CRLF line endings as one line break', () => {
    expect(readYaml('a: 1\r\nb: 2\r\n').lineOf(['b'])).toBe(2);
  });

  it('refuses a billion-laughs document at once, naming the line of the first repeated alias', () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    expect(() => readYaml(lines.join('\n'))).toThrow(YamlError);
    try {
      readYaml(lines.join('\n'));
    } catch (error) {
      expect((error as YamlError).message).toMatch(/aliases .* are not allowed/);
      expect((error as YamlError).line).toBe(2);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts an alias of a plain value (no expansion is possible)', () => {
    expect(readYaml('owner: &o Head of Social\ndeputy: *o\n').data).toEqual({
      owner: 'Head of Social',
      deputy: 'Head of Social',
    });
  });

  it('refuses a document over the size limit, and invalid YAML with its line', () => {
    expect(() => readYaml(`a: ${'x'.repeat(2000)}`, { maxBytes: 1024 })).toThrow(/2 kB, more than the limit of 1 kB/);
    expect(() => readYaml('a: 1\nb: [\n')).toThrow(YamlError);
  });

  it('writes YAML that reads back as the same values, quoting what YAML 1.1 would misread', () => {
    const data = { a: 'yes', b: '2025-03-01', c: 'null', d: ['x: y', '#tag'], e: 3 };
    const text = writeYaml(data);
    expect(readYaml(text).data).toEqual(data);
    expect(text).toContain('a: "yes"');
  });
});

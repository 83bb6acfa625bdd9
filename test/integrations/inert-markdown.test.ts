import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinks } from '../../src/integrations/base-links.ts';
import { inertHtml, inertMarkdown } from '../../src/integrations/inert-markdown.ts';

async function render(markdown: string, base = '/'): Promise<string> {
  const result = await markdownToHtml(markdown, {
    mdastPlugins: [inertMarkdown, baseLinks(base)],
    hastPlugins: [inertHtml],
  });
  return typeof result === 'string' ? result : result.html;
}

describe('inert Markdown (contributed post-mortems)', () => {
  it('shows raw HTML as text instead of passing it to the page', async () => {
    const html = await render('Before <script>alert(1)</script> after\n\n<img src=x onerror=alert(1)>\n');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops the target of javascript: and data: links, keeps web links', async () => {
    const html = await render('[one](javascript:alert(1)) [two](data:text/html,x) [three](https://example.com/a)');
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain('one (javascript:alert(1))');
    expect(html).toContain('<a href="https://example.com/a">three</a>');
  });

  it('shows a reference-style link or image whose definition is refused as text', async () => {
    const html = await render(
      '[report][r] ![shot][s] [fine][f]\n\n[r]: javascript:alert(1)\n[s]: data:image/svg+xml,x\n[f]: https://example.com/\n',
    );
    expect(html).toContain('report (javascript:alert(1))');
    expect(html).toContain('[image: shot] (data:image/svg+xml,x)');
    expect(html).toContain('<a href="https://example.com/">fine</a>');
    expect(html).not.toMatch(/href="javascript|src="data/);
  });

  it.each([
    ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
    ['an upper-case scheme', '[x](JAVASCRIPT:alert(1))'],
    ['a protocol-relative link', '[x](//evil.example/)'],
    ['a backslash that browsers read as //', '[x](/\\evil.example/)'],
    ['an autolink with a script scheme', '<javascript:alert(1)>'],
    ['a vbscript: link', '[x](vbscript:msgbox)'],
  ])('renders %s as plain text', async (_name, markdown) => {
    expect(await render(markdown)).not.toMatch(/<a /);
  });
});

describe('inert HTML (the last line of defence)', () => {
  it('removes link targets, handlers and live elements that an earlier step let through', async () => {
    const leaky = { name: 'leaky', link: () => undefined };
    const result = await markdownToHtml('[x](https://example.com/)', {
      mdastPlugins: [leaky],
      hastPlugins: [
        {
          name: 'inject',
          element: {
            filter: ['a'],
            visit(node, ctx) {
              ctx.setProperty(node, 'href', 'javascript:alert(1)');
            },
          },
        },
        inertHtml,
      ],
    });
    const html = typeof result === 'string' ? result : result.html;
    expect(html).not.toMatch(/href=/);
    expect(html).toContain('x');
  });
});

describe('base links', () => {
  it('prefixes root-relative links with the base path, once', async () => {
    const html = await render(
      '[a](/playbook/step-01/) [b](/firebreak/x/) [c](https://example.com/) [d](#top)',
      '/firebreak/',
    );
    expect(html).toContain('href="/firebreak/playbook/step-01/"');
    expect(html).toContain('href="/firebreak/x/"');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('href="#top"');
  });

  it('changes nothing under the default base', async () => {
    expect(await render('[a](/playbook/)')).toContain('href="/playbook/"');
  });
});

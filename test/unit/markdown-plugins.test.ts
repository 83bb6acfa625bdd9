import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinks } from '../../src/integrations/base-links.ts';
import { inertMarkdown } from '../../src/integrations/inert-markdown.ts';

async function render(markdown: string, base = '/'): Promise<string> {
  const result = await markdownToHtml(markdown, { mdastPlugins: [inertMarkdown, baseLinks(base)] });
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

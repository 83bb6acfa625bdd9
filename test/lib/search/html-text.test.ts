import { describe, expect, it } from 'vitest';
import { indexedText, withIndexMeta } from '../../../src/lib/search/html-text.ts';

const page = `<!doctype html><html><head><title>x</title></head><body>
<nav>Menu Crisis now</nav>
<article data-pagefind-body data-pagefind-meta="aliases:hacked account, who to call">
  <h1 data-pagefind-meta="title">Take it private</h1>
  <p>Move to a direct message &amp; don&#39;t argue.</p>
  <section data-pagefind-ignore><h2>Past incidents</h2><p>Instagram hijack</p></section>
  <script>const secret = 1;</script>
  <span data-pagefind-meta="kind:Step 5">Playbook</span>
</article></body></html>`;

describe('what Pagefind indexes of a page', () => {
  const text = indexedText(page);

  it('is the body text, decoded, without ignored parts, scripts or navigation', () => {
    expect(text.body).toBe("Take it private Move to a direct message & don't argue. Playbook");
  });

  it('includes the inline metadata, such as the aliases', () => {
    expect(text.meta).toEqual({ aliases: 'hacked account, who to call', kind: 'Step 5' });
  });

  it('adds an escaped metadata field to the HTML handed to Pagefind', () => {
    const html = withIndexMeta(page, 'keywords', 'a "quoted" <b> & c');
    expect(html).toContain(
      '<meta data-pagefind-meta="keywords[content]" content="a &quot;quoted&quot; &lt;b&gt; &amp; c"></head>',
    );
    expect(withIndexMeta(page, 'keywords', '')).toBe(page);
  });
});

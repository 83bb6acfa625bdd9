// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { baseLinks } from './src/integrations/base-links.ts';
import { inertHtml, inertMarkdown } from './src/integrations/inert-markdown.ts';
import { openData } from './src/integrations/open-data.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  // Pages are written while others render: with the default of 1 the build mostly waits on disk.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    processor: satteri({ mdastPlugins: [inertMarkdown, baseLinks(site.base)], hastPlugins: [inertHtml] }),
  },
  // sitemap-index.xml and sitemap-0.xml list every built page, for search engines (needs `site`).
  integrations: [contentCheck(), mdx(), sitemap(), pagefind(), openData(), serviceWorker()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // Every MDX page triggers a harmless "use astro:head-inject" directive notice from the
        // bundler (Astro's own MDX output); hiding it keeps real warnings visible.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});

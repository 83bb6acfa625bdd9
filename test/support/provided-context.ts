import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built site is served during the site tests, e.g. http://localhost:4399/ */
    siteUrl: string;
    /** Absolute path of the built site. */
    distDir: string;
  }
}

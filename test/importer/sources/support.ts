import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { PartialIncident } from '../../../src/importer/model/incident.ts';
import type { Adapter, AdapterOptions, ExportInput } from '../../../src/importer/sources/types.ts';
import { ImportError } from '../../../src/importer/errors.ts';
import { toExportInput } from '../../../src/importer/io/inputs.ts';
import { buildZip, type ZipFileSpec } from './zip-writer.ts';

/** Shared helpers for adapter tests: inputs built the way the CLI builds them. */

export const REPO = resolve(import.meta.dirname, '../../..');

/** The CLI's defaults: no channel, no brand handles, no column map, UTC. */
export const DEFAULT_OPTIONS: AdapterOptions = { brandHandles: [], map: {}, tz: 'UTC' };

/** A fixture path relative to the repository, as a user would type it there. */
export function fixture(...parts: string[]): string {
  return join('test/fixtures', ...parts);
}

/** The ExportInput the CLI would build for `path` (relative to the repository). */
export function inputFor(path: string): Promise<ExportInput> {
  return toExportInput(path, REPO);
}

/** A temporary folder for this test file, removed when its tests are done. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => (dir ??= mkdtempSync(join(tmpdir(), 'firebreak-adapter-')));
}

/** Writes `contents` to `name` in `dir` and returns its ExportInput (named by its absolute path). */
export function writeInput(dir: string, name: string, contents: Buffer | string): Promise<ExportInput> {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return toExportInput(path);
}

/** Builds a zip of `files` in `dir` and returns its ExportInput. */
export function zipInput(dir: string, name: string, files: ZipFileSpec[]): Promise<ExportInput> {
  return writeInput(dir, name, buildZip(files));
}

/** The ImportError `action` fails with (the test fails if it resolves or throws anything else). */
export async function importError(action: Promise<unknown>): Promise<ImportError> {
  const error = await action.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'expected an ImportError').toBeInstanceOf(ImportError);
  return error as ImportError;
}

export function read(
  adapter: Adapter,
  input: ExportInput,
  options: Partial<AdapterOptions> = {},
): Promise<PartialIncident> {
  return adapter.read(input, { ...DEFAULT_OPTIONS, ...options });
}

/**
 * Tiny examples of the formats an adapter must not claim, written to `dir`: each adapter's
 * detection test checks it says no to all but its own.
 */
export async function otherFormats(dir: string): Promise<Record<string, ExportInput>> {
  return {
    'Brandwatch CSV': await writeInput(
      dir,
      'mentions.csv',
      '\uFEFF"Query Id","Query Name","Date","Title","Url","Sentiment"\n"1","Spring ad","2024-05-14 10:00:00.0","So the new ad…","https://x.com/a/status/1","negative"\n',
    ),
    'X API v2 JSON Lines': await writeInput(
      dir,
      'tweets.jsonl',
      '{"data":[{"id":"1790400000000000001","text":"@acme what were you thinking","author_id":"2244994945","created_at":"2024-05-14T10:01:00.000Z"}],"includes":{"users":[{"id":"2244994945","username":"critic"}]},"meta":{"result_count":1},"__twarc":{"url":"https://api.x.com/2/tweets/search/recent","version":"2.14.0","retrieved_at":"2024-05-14T12:00:00+00:00"}}\n',
    ),
    'PagerDuty incident JSON': await inputFor(fixture('pagerduty', 'web-outage', 'incident.json')),
    'incident.io incident JSON': await inputFor(fixture('incident-io', 'checkout-outage', 'incident.json')),
    'Slack export folder': await inputFor(fixture('slack', 'war-room', 'export')),
    'Teams channel messages': await inputFor(fixture('teams', 'channel-messages', 'page-1.json')),
    'PagerDuty incidents CSV': await inputFor(fixture('pagerduty', 'csv', 'incidents.csv')),
    'incident.io dashboard CSV': await inputFor(fixture('incident-io', 'csv', 'incidents.csv')),
    'X API counts': await inputFor(fixture('x-api', 'counts', 'counts-all.json')),
    'plain zip': await zipInput(dir, 'photos.zip', [{ name: 'photo.txt', data: 'not a Slack export' }]),
    'JSON array': await writeInput(dir, 'list.json', '[{"id": 1, "type": "incident"}]'),
  };
}

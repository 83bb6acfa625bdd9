import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ImportError } from '../errors.ts';

/**
 * Reading `.zip` exports safely. An export is untrusted input: a crafted archive can try to
 * escape the folder it is read into (`../`, absolute paths, symlinks) or exhaust memory and disk
 * (a "zip bomb" that inflates a few kilobytes into gigabytes, or millions of tiny entries). The
 * whole central directory is checked before a single byte is inflated, and inflation is metered
 * again while reading, because declared sizes can lie.
 *
 * Nothing is extracted to disk: entries are streamed into memory one at a time.
 */

export interface ZipLimits {
  /** Most entries (files and folders) an archive may list. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  maxTotalBytes: number;
}

const MiB = 1024 * 1024;

/** Generous for a workspace export (a year of a busy channel is tens of MB), far below harm. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 200 * MiB,
  maxTotalBytes: 500 * MiB,
};

export interface ZipEntryInfo {
  /** Path inside the archive, always with forward slashes. */
  name: string;
  /** Declared uncompressed size in bytes. */
  size: number;
}

/** `PK\x03\x04` (a local file header) or `PK\x05\x06` (an empty archive) at the start. */
export function hasZipSignature(head: Buffer): boolean {
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false;
  return (head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06);
}

/**
 * The entry names of a zip file, as yauzl lists them from its central directory, or undefined
 * if the file is not a readable zip. For detection, which only needs names: it validates
 * nothing (`ZipArchive.open` does that before anything is read) and stops after `maxNames`
 * names, enough for ZipArchive.open to refuse an archive with too many entries.
 */
export async function listZipEntryNames(
  absolutePath: string,
  maxNames: number = DEFAULT_ZIP_LIMITS.maxEntries + 1,
): Promise<string[] | undefined> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(absolutePath, { lazyEntries: true, autoClose: false, decodeStrings: false });
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) {
      names.push(entryName(entry));
      if (names.length >= maxNames) break;
    }
    return names;
  } catch {
    return undefined;
  } finally {
    zip?.close();
  }
}

/**
 * The entry's path with forward slashes. Names are decoded here rather than by yauzl
 * (decodeStrings off): yauzl would reject unsafe names itself, with a message that names
 * neither the archive nor the rule; ZipArchive.open judges them instead.
 */
function entryName(entry: yauzl.Entry): string {
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
  return (name as string).replace(/\\/g, '/');
}

/** S_IFMT / S_IFLNK of the Unix mode kept in the upper 16 bits of the external attributes. */
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;

/** Why an entry name is unsafe to honour, or undefined if it is fine. */
function unsafeName(name: string): string | undefined {
  if (name.includes('\0')) return 'its name contains a NUL byte';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it has an absolute path';
  if (name.split('/').includes('..')) return "it has a '..' path segment that would escape the archive";
  return undefined;
}

/** An opened, fully validated zip archive whose entries can be read one at a time. */
export class ZipArchive {
  /** The archive as named on the command line (used in every message). */
  readonly file: string;
  /** The file entries (folder entries left out), in directory order. */
  readonly entries: readonly ZipEntryInfo[];
  readonly #zip: yauzl.ZipFile;
  readonly #byName: Map<string, yauzl.Entry>;
  readonly #limits: ZipLimits;

  private constructor(file: string, zip: yauzl.ZipFile, byName: Map<string, yauzl.Entry>, limits: ZipLimits) {
    this.file = file;
    this.#zip = zip;
    this.#byName = byName;
    this.#limits = limits;
    this.entries = [...byName].map(([name, entry]) => ({ name, size: entry.uncompressedSize }));
  }

  /**
   * Opens `absolutePath` and checks every entry of its central directory against `limits`
   * and the path rules. Throws ImportError naming `file` and the offending entry.
   */
  static async open(file: string, absolutePath: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      // decodeStrings off: see entryName.
      zip = await yauzl.openPromise(absolutePath, { lazyEntries: true, autoClose: false, decodeStrings: false });
    } catch (error) {
      throw new ImportError(file, `is not a readable zip archive (${reason(error)})`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ImportError(
          file,
          `the archive lists ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}; refusing to read it`,
        );
      }
      const byName = new Map<string, yauzl.Entry>();
      let total = 0;
      for await (const entry of zip.eachEntry()) {
        const name = entryName(entry);
        const at = `entry ${name}`;
        const unsafe = unsafeName(name);
        if (unsafe) throw new ImportError(file, `refusing the archive: ${unsafe}`, at);
        if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE) {
          throw new ImportError(file, 'refusing the archive: the entry is a symbolic link', at);
        }
        if (name.endsWith('/')) continue;
        if (entry.isEncrypted())
          throw new ImportError(file, 'the entry is encrypted; export it again without a password', at);
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          throw new ImportError(
            file,
            `refusing the archive: the entry inflates to ${entry.uncompressedSize} bytes, more than the per-entry limit of ${limits.maxEntryBytes}`,
            at,
          );
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) {
          throw new ImportError(
            file,
            `refusing the archive: its entries inflate to more than the total limit of ${limits.maxTotalBytes} bytes (reached at this entry)`,
            at,
          );
        }
        if (byName.has(name)) throw new ImportError(file, 'the archive lists this entry twice', at);
        byName.set(name, entry);
      }
      return new ZipArchive(file, zip, byName, limits);
    } catch (error) {
      zip.close();
      if (error instanceof ImportError) throw error;
      throw new ImportError(file, `is not a readable zip archive (${reason(error)})`);
    }
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** A stream of the entry's inflated bytes, cut off with an error past the per-entry limit. */
  async openStream(name: string): Promise<Readable> {
    const entry = this.#byName.get(name);
    if (!entry) throw new ImportError(this.file, 'the archive has no such entry', `entry ${name}`);
    try {
      return await this.#zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ImportError(this.file, `the entry cannot be read (${reason(error)})`, `entry ${name}`);
    }
  }

  /** The whole entry's bytes. */
  async readBytes(name: string): Promise<Buffer> {
    const stream = await this.openStream(name);
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        // yauzl checks declared sizes too; this guard holds even if a header lies about them.
        if (bytes > this.#limits.maxEntryBytes) {
          stream.destroy();
          throw new ImportError(
            this.file,
            `refusing the archive: the entry inflates past the per-entry limit of ${this.#limits.maxEntryBytes} bytes`,
            `entry ${name}`,
          );
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(this.file, `the entry is damaged (${reason(error)})`, `entry ${name}`);
    }
    return Buffer.concat(chunks);
  }

  close(): void {
    this.#zip.close();
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

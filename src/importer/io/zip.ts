import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
/** Detection only needs names; a central directory beyond this is not worth reading synchronously. */
const MAX_SYNC_DIRECTORY_BYTES = 32 * MiB;

/**
 * The entry names of a zip file, read synchronously from its central directory, or undefined if
 * the file is not a readable zip. Adapters' `detect()` is synchronous and must be cheap, and the
 * names of a zip live at its end (outside the 64 KiB head), so this reads just the end record and
 * the directory. It validates nothing: `ZipArchive.open` does that before anything is read.
 */
export function listZipEntryNames(absolutePath: string): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, 'r');
    const fileSize = fstatSync(fd).size;
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    let entryCount: number = tail.readUInt16LE(eocd + 10);
    let directorySize: number = tail.readUInt32LE(eocd + 12);
    let directoryOffset: number = tail.readUInt32LE(eocd + 16);
    if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
      const locatorAt = fileSize - tailLength + eocd - 20;
      if (locatorAt < 0) return undefined;
      const locator = readAt(fd, locatorAt, 20);
      if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
      const zip64 = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
      if (zip64.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) return undefined;
      entryCount = Number(zip64.readBigUInt64LE(32));
      directorySize = Number(zip64.readBigUInt64LE(40));
      directoryOffset = Number(zip64.readBigUInt64LE(48));
    }
    if (directorySize > MAX_SYNC_DIRECTORY_BYTES || directoryOffset + directorySize > fileSize) return undefined;
    const directory = readAt(fd, directoryOffset, directorySize);
    const names: string[] = [];
    let at = 0;
    for (let i = 0; i < entryCount && at + 46 <= directory.length; i++) {
      if (directory.readUInt32LE(at) !== CENTRAL_HEADER_SIGNATURE) return undefined;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      names.push(directory.toString('utf8', at + 46, at + 46 + nameLength).replace(/\\/g, '/'));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
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
      // decodeStrings off: yauzl would reject unsafe names itself, with a message that names
      // neither the archive nor the rule; names are decoded and judged below instead.
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
        const name = yauzl.getFileNameLowLevel(
          entry.generalPurposeBitFlag,
          entry.fileNameRaw,
          entry.extraFields,
          false,
        ) as string;
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

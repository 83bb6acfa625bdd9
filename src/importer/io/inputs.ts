import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportInput } from '../sources/types.ts';
import { ImportError } from '../errors.ts';
import { hasZipSignature, listZipEntryNames } from './zip.ts';

/** How much of a file detection may look at: enough for a CSV header or a JSON preamble. */
export const HEAD_BYTES = 64 * 1024;

/**
 * Turns a path from the command line into an ExportInput: what it is, how big, its first bytes
 * (files), its entry names (zip files) or top-level names (folders). Refuses what can never be an export — a missing path,
 * an empty file, a device — with a message naming the path.
 */
export async function toExportInput(path: string, cwd: string = process.cwd()): Promise<ExportInput> {
  const absolutePath = resolve(cwd, path);
  let info;
  try {
    info = await stat(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError(path, 'no such file or folder; expected the path of an export');
    if (code === 'EACCES') throw new ImportError(path, 'permission denied; expected a readable export');
    throw new ImportError(path, `cannot read it (${code ?? 'unknown error'})`);
  }

  if (info.isDirectory()) {
    let entries: string[];
    try {
      entries = (await readdir(absolutePath)).sort();
    } catch (error) {
      throw new ImportError(
        path,
        `cannot list the folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
      );
    }
    if (entries.length === 0) throw new ImportError(path, 'the folder is empty; expected an unzipped export');
    return {
      path,
      absolutePath,
      kind: 'directory',
      size: 0,
      head: Buffer.alloc(0),
      entries,
      zipEntries: undefined,
      open() {
        throw new ImportError(path, 'is a folder; the adapter must read its entries, not the folder as a file');
      },
    };
  }

  if (!info.isFile()) throw new ImportError(path, 'is not a regular file or folder; expected an export file');
  if (info.size === 0) throw new ImportError(path, 'the file is empty (0 bytes); expected an export', 'byte 0');

  const head = await readHead(path, absolutePath, Math.min(HEAD_BYTES, info.size));
  return {
    path,
    absolutePath,
    kind: 'file',
    size: info.size,
    head,
    entries: [],
    // A zip's names live at its end, outside the head: listed here, since detection is synchronous.
    zipEntries: hasZipSignature(head) ? await listZipEntryNames(absolutePath) : undefined,
    open: () => createReadStream(absolutePath),
  };
}

async function readHead(path: string, absolutePath: string, length: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(absolutePath, 'r');
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new ImportError(path, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  } finally {
    await handle?.close();
  }
}

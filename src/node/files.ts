import * as fs from 'fs';
import { fileURLToPath } from 'url';

export type BoundedRead = { readonly text: string } | { readonly error: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; readonly detail: string };

/** Why a file could not be read, as a person reads it (not an errno). */
export const READ_FAILURE: Readonly<Record<Extract<BoundedRead, { error: string }>['error'], string>> = {
  missing: 'no such file',
  'not-a-file': 'not a regular file',
  'too-large': 'too large',
  unreadable: 'permission denied or unreadable',
};

/**
 * Opened without blocking: opening a named pipe for reading otherwise waits for a writer. The
 * handle is then checked with `fstat`, so the file read is the file checked (no swap between a
 * `stat` and an `open`). `O_NONBLOCK` does not exist on Windows, where there are no such pipes.
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

type Refusal = Extract<BoundedRead, { error: string }>;

function refusal(file: string, stat: fs.Stats, limit: number): Refusal | undefined {
  if (!stat.isFile()) return { error: 'not-a-file', detail: `${file} is not a regular file.` };
  if (stat.size > limit) return { error: 'too-large', detail: `${file} has ${stat.size} bytes, more than ${limit}.` };
  return undefined;
}

function failure(file: string, error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException).code;
  return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', detail: `${file} could not be read: ${code ?? String(error)}.` };
}

/**
 * A file's text, read only when it is a regular file of at most `limit` bytes, so a path that
 * names a device (`/dev/zero`), a pipe, a directory or a huge log costs nothing. Never throws.
 */
export async function readBounded(file: string, limit: number): Promise<BoundedRead> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    const refused = refusal(file, stat, limit);
    if (refused) return refused;
    // Read at most limit + 1 bytes, in case the file grew since the stat.
    const buffer = Buffer.alloc(Math.min(limit + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return { error: 'too-large', detail: `${file} has more than ${limit} bytes.` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return failure(file, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** `readBounded` for the callers that must answer at once (a runs file's `config` cells, read row by row). */
export function readBoundedSync(file: string, limit: number): BoundedRead {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    const refused = refusal(file, stat, limit);
    if (refused) return refused;
    const buffer = Buffer.alloc(Math.min(limit + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return { error: 'too-large', detail: `${file} has more than ${limit} bytes.` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return failure(file, error);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A regular file's text in chunks of at most `chunkBytes`, for readers that keep only what they
 * need of a long file (the stop signal over a loss log). Refuses what `readBounded` refuses, with
 * `limit` bounding the bytes read in all. UTF-8 characters split between chunks are joined.
 */
export async function streamBounded(
  file: string,
  limit: number,
  onChunk: (text: string) => void,
  chunkBytes = 1 << 20,
): Promise<{ readonly bytes: number } | Refusal> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    const refused = refusal(file, stat, limit);
    if (refused) return refused;
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.alloc(chunkBytes);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      if (bytes > limit) return { error: 'too-large', detail: `${file} has more than ${limit} bytes.` };
      onChunk(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) onChunk(rest);
    return { bytes };
  } catch (error) {
    return failure(file, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A path the engine resolved (a plain path or a `file://` URI) as a path on this disk. */
export function diskPath(reference: string): string | undefined {
  if (/^file:\/\//i.test(reference)) {
    try {
      return fileURLToPath(reference);
    } catch {
      return undefined;
    }
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ? undefined : reference;
}

import { promises as fs } from 'fs';
import { fileURLToPath } from 'url';

export type BoundedRead = { readonly text: string } | { readonly error: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; readonly detail: string };

/** Why a file could not be read, as a person reads it (not an errno). */
export const READ_FAILURE: Readonly<Record<Extract<BoundedRead, { error: string }>['error'], string>> = {
  missing: 'no such file',
  'not-a-file': 'not a file',
  'too-large': 'too large',
  unreadable: 'permission denied or unreadable',
};

/**
 * A file's text, read only when it is a regular file of at most `limit` bytes, so a path that
 * names a device, a directory or a huge log costs nothing. Never throws.
 */
export async function readBounded(file: string, limit: number): Promise<BoundedRead> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { error: 'not-a-file', detail: `${file} is not a file.` };
    if (stat.size > limit) return { error: 'too-large', detail: `${file} has ${stat.size} bytes, more than ${limit}.` };
    const handle = await fs.open(file, 'r');
    try {
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
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', detail: `${file} could not be read: ${code ?? String(error)}.` };
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

/**
 * The workspace boundary: a file a config points at is read only when its path, resolved and
 * normalised (`resolveReference`), lies inside the boundary folder. Decided on the text of the
 * path alone, so refusing a path says nothing about whether a file is there; the hosts check
 * symbolic links on their side (the Node host compares real paths) and answer a link that leads
 * out exactly as they answer a missing file.
 */

/**
 * Whether `path` (a resolved path or URI string) lies inside the folder `root`, written in the
 * same form as the config's name: absolute, a URI, or relative (`.` when the config was named
 * from the boundary folder itself, `..` when from a folder below it). `''` is no folder at all:
 * nothing is inside it (Restricted Mode).
 */
export function insideBoundary(root: string, path: string): boolean {
  if (root === '') return false;
  const folder = segments(root.replace(/\/+$/, ''));
  const file = segments(path);
  if (file.length <= folder.length) return false;
  // `.` has no segment to compare: a path inside it is relative too, neither absolute nor a URI.
  if (folder.length === 0 && (file[0] === '' || /^[a-z][a-z0-9+.-]*:/i.test(path))) return false;
  for (let at = 0; at < folder.length; at++) if (file[at] !== folder[at]) return false;
  // `resolveReference` leaves `..` only at the start; one past the folder's own climbs out of it.
  for (let at = folder.length; at < file.length; at++) if (file[at] === '..') return false;
  return true;
}

/** A path's segments without `.` (a leading empty one marks an absolute path; `resolveReference` leaves no doubled `/`). */
function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '.');
}

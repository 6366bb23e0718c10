/** Grouping rows by a key in one pass (appending, never copying a group: a run of 200,000 checkpoints stays linear). */

/** Items grouped by key, in first-seen order of keys and file order within a group. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = map.get(name);
    if (group) group.push(item);
    else map.set(name, [item]);
  }
  return map;
}

// The module object itself, not an import namespace: only its properties can be wrapped in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fs = require('fs');

/**
 * Records every file the process opens for reading, by wrapping Node's file readers in place
 * (the CLI's modules look them up on `fs` and `fs.promises` at each call, so they see the
 * wrappers). `stat` and `realpath` are not reads: they are how the boundary is checked.
 */
export function spyOnReads(): { take(): string[] } {
  let seen: string[] = [];
  const note = (file: unknown) => {
    if (typeof file === 'string') seen.push(file);
    else if (file instanceof URL) seen.push(file.pathname);
    else if (Buffer.isBuffer(file)) seen.push(file.toString());
  };
  const wrap = <T extends object, K extends keyof T>(owner: T, name: K) => {
    const original = owner[name] as unknown as (...args: unknown[]) => unknown;
    (owner as Record<K, unknown>)[name] = function (this: unknown, file: unknown, ...rest: unknown[]) {
      const flags = rest[0];
      // Opening to write is the case writer's business, not the CLI's: only reads are counted.
      if (typeof flags !== 'string' || flags.startsWith('r')) note(file);
      return original.call(this, file, ...rest);
    };
  };
  wrap(fs, 'readFileSync');
  wrap(fs, 'openSync');
  wrap(fs, 'createReadStream');
  wrap(fs, 'readFile');
  wrap(fs, 'open');
  wrap(fs.promises, 'readFile');
  wrap(fs.promises, 'open');
  return {
    take() {
      const out = seen;
      seen = [];
      return out;
    },
  };
}

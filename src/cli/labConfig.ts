import * as path from 'path';
import { analyze } from '../core/analyze';
import type { ConfigFacts, ConfigRefusal } from '../core/lab';
import { insideFolderSync } from '../node/boundary';
import { READ_FAILURE, readBoundedSync } from '../node/files';
import { MAX_INCLUDED_BYTES } from '../node/resourceHost';

/**
 * A config the lab names (a runs file's `config` cell, `stop --config`): its parameters, tokens
 * and tokens per step, read by the same engine; or why it was not read. Under the rules of the
 * analysis's own includes: inside `boundary` when one is given (on the path's text first, then
 * with links followed, a link that leads out answered as a missing file), and only a regular
 * file no larger than an included config, checked on the opened file before a byte is read, so
 * `/dev/zero` or a pipe costs nothing. Undefined when the config gives none of the three.
 */
export function labConfigFacts(file: string, boundary?: string): ConfigFacts | ConfigRefusal | undefined {
  const absolute = path.resolve(file);
  if (boundary !== undefined) {
    const relative = path.relative(boundary, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
      return { refused: 'it is outside the folder the command may read (--root, or the working folder; --allow-outside lifts this)' };
    if (!insideFolderSync(boundary, absolute)) return { refused: READ_FAILURE.missing };
  }
  const read = readBoundedSync(absolute, MAX_INCLUDED_BYTES);
  if ('error' in read)
    return { refused: read.error === 'too-large' ? `larger than ${MAX_INCLUDED_BYTES} bytes, the most a config is read` : READ_FAILURE[read.error] };
  let analysis: ReturnType<typeof analyze>;
  try {
    analysis = analyze(read.text, path.basename(absolute));
  } catch {
    return { refused: 'it could not be analysed' };
  }
  const facts = {
    ...(analysis.parameters.active !== null ? { parameters: analysis.parameters.active } : {}),
    ...(analysis.tokens !== null ? { tokens: analysis.tokens } : {}),
    ...(analysis.training.setting?.tokensPerStep !== undefined ? { tokensPerStep: analysis.training.setting.tokensPerStep } : {}),
  };
  return Object.keys(facts).length > 0 ? facts : undefined;
}

import * as path from 'path';
import { analyze, DEFAULT_MAX_LENGTH, type Analysis } from '../core/analyze';
import { ResourceCache, withResources, type ResourceHost } from '../core/resources/resources';
import { terminalText } from '../core/text/sanitise';
import { layeredFacts } from '../core/workspaceFacts/match';
import { factName } from '../core/workspaceFacts/read';
import { boundedCache } from './boundary';
import { READ_FAILURE, readBounded } from './files';
import { NodeResourceHost } from './resourceHost';
import { workspaceFactsFor, type WorkspaceFactsOptions } from './workspaceFacts';

export interface ConfigFileAnalyzerOptions {
  /** `--fact` pairs: they win over the facts files and the file's own comments. */
  readonly given: Readonly<Record<string, string>>;
  readonly tokensPerParameter?: number;
  /** The host that reads included files and named models; by default disk, the Hugging Face cache and (when allowed) the Hub. */
  readonly host?: ResourceHost;
  readonly allowNetwork?: boolean;
  /** The folder (absolute) the files a config points at must lie in, links followed; absent: anywhere (`--allow-outside`). */
  readonly boundary?: string;
  /** Called with each problem of a `.compute-budget.yaml` file, as a `file:line:column: severity: message` line. */
  readonly problem: (line: string) => void;
  /** Also propose the TP · PP · DP layouts that fit (`plan --config`). */
  readonly layouts?: boolean;
}

/** A config file analysed, or why it could not be read. */
export type ConfigFileAnalysis = { readonly text: string; readonly analysis: Analysis } | { readonly unreadable: string };

/**
 * The command line's way to analyse config files on disk, one after the other: the text (no more
 * than the engine would analyse, so a huge file costs nothing), the facts of the `.compute-budget.yaml`
 * files above it, then `analyze` with every file and model the config points at. Included files,
 * models and facts files are read once for all the files analysed.
 */
export class ConfigFileAnalyzer {
  private readonly host: ResourceHost;
  private readonly cache = new ResourceCache();
  private readonly factsCache: WorkspaceFactsOptions['cache'] = new Map();

  constructor(private readonly options: ConfigFileAnalyzerOptions) {
    this.host = options.host ?? new NodeResourceHost({ allowNetwork: options.allowNetwork === true }, options.boundary);
  }

  async analyze(file: string): Promise<ConfigFileAnalysis> {
    const read = await readBounded(file, DEFAULT_MAX_LENGTH * 4);
    if ('error' in read && read.error !== 'too-large') return { unreadable: READ_FAILURE[read.error] };
    const text = 'text' in read ? read.text : 'x'.repeat(DEFAULT_MAX_LENGTH + 1);
    const workspace = await workspaceFactsFor(file, { cache: this.factsCache });
    for (const item of workspace.problems)
      this.options.problem(`${terminalText(shortPath(item.file), 300)}:${item.line}:${item.column}: ${item.severity}: ${terminalText(item.message, 500)}`);
    const facts = withGiven(layeredFacts(text, [workspace.facts]), this.options.given);
    const { tokensPerParameter } = this.options;
    const analysis = await withResources(
      (resources) => analyze(text, file, { facts, tokensPerParameter, resources, layouts: this.options.layouts }),
      boundedCache(this.cache, file, this.options.boundary),
      this.host,
    );
    return { text, analysis };
  }
}

/** `--fact` over the layers below it; `analyze` lets facts it is given win over the file's comments. */
export function withGiven(layered: Record<string, string | number>, given: Readonly<Record<string, string>>): Record<string, string | number> {
  const names = new Set(Object.keys(given).map((key) => factName(key) ?? key));
  const kept = Object.entries(layered).filter(([key]) => !names.has(factName(key) ?? key));
  return { ...Object.fromEntries(kept), ...given };
}

/** A facts file's path as the user would type it: relative to the working folder when inside it. */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

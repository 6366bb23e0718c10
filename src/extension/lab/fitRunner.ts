import type { WorkspaceFit } from '../../core/lab/workspaceFit';
import type { WorkspaceStop } from '../../core/lab/workspaceStop';
import type { BoundaryReport } from '../../core/lab/boundary';
import { contentHash, type LabExecutor, type LabInput, type LabResult, type LabTask } from './labTasks';

export { contentHash, type LabJob, type LabReply, type LabResult, type LabTask } from './labTasks';

const CACHE_SIZE = 8;

/** A file's bytes as read, with the version they were read at (modification time and size). */
export interface FileBytes {
  readonly bytes: Uint8Array;
  readonly version: string;
}

const input = (content: string | FileBytes): LabInput => (typeof content === 'string' ? content : content.bytes);
const version = (content: string | FileBytes, file: string): string | undefined => (typeof content === 'string' ? undefined : `${file}@${content.version}`);

/**
 * The lab's work (fitting a runs file, judging a loss log, fitting a boundary), once per content:
 * the same text with the same options is computed once, however often the file is saved or the
 * settings re-read. Where it runs is the host's choice (`LabExecutor`).
 */
export class FitRunner {
  private readonly cache = new Map<string, Promise<LabResult>>();

  constructor(private readonly executor: LabExecutor) {}

  /*
   * Each takes an open document's text, or a file's bytes with the version they were read at (its
   * modification time and size): a runs file or a loss log may be 50 MB, and neither decoding nor
   * hashing it is work for the host's thread, so bytes are keyed by that version and decoded on
   * the worker.
   */

  fit(content: string | FileBytes, file: string, minTokens: number | undefined): Promise<WorkspaceFit> {
    return this.cached({ kind: 'fit', text: input(content), file, minTokens }, version(content, file)) as Promise<WorkspaceFit>;
  }

  stop(log: string | FileBytes, file: string, tokensPerStep: number | undefined, plannedTokens: number | undefined): Promise<WorkspaceStop> {
    return this.cached({ kind: 'stop', text: input(log), file, tokensPerStep, plannedTokens }, version(log, file)) as Promise<WorkspaceStop>;
  }

  boundary(content: string | FileBytes, file: string): Promise<BoundaryReport> {
    return this.cached({ kind: 'boundary', text: input(content), file }, version(content, file)) as Promise<BoundaryReport>;
  }

  private cached(task: LabTask, version?: string): Promise<LabResult> {
    const options = task.kind === 'fit' ? `${task.minTokens}` : task.kind === 'stop' ? `${task.tokensPerStep}:${task.plannedTokens}` : '';
    const content = typeof task.text === 'string' ? `${contentHash(task.text)}:${task.text.length}` : `bytes:${version}`;
    const key = `${task.kind}:${content}:${options}:${task.file.slice(task.file.lastIndexOf('.'))}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const fresh = this.executor.run(task);
    fresh.catch(() => this.cache.delete(key));
    this.cache.set(key, fresh);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return fresh;
  }

  dispose(): void {
    this.executor.dispose();
    this.cache.clear();
  }
}

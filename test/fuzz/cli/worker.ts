/**
 * The fuzz's worker thread: runs one command line at a time through the CLI's `main`, with its
 * output captured and its file reads recorded. The driver ends the thread when a run passes its
 * time budget, and the thread's heap limit is the memory budget.
 */
import { parentPort } from 'worker_threads';
import { main } from '../../../src/cli/main';
import { spyOnReads } from './readSpy';

export interface CliRun {
  readonly id: number;
  readonly argv: readonly string[];
}

export interface CliOutcome {
  readonly id: number;
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly reads: readonly string[];
  /** What `main` threw (the executable prints it with exit 70). */
  readonly thrown?: string;
  readonly ms: number;
}

/** Made on the first run: importing this file (the kept-case tests do) wraps nothing. */
let reads: ReturnType<typeof spyOnReads> | undefined;

/** One run of `main`, its output and the files it opened (resolved by the caller). Never throws. */
export async function runCli(run: CliRun): Promise<CliOutcome> {
  let out = '';
  let err = '';
  reads ??= spyOnReads();
  reads.take();
  const started = performance.now();
  try {
    const code = await main(
      [...run.argv],
      (text) => (out += `${text}\n`),
      (text) => (err += `${text}\n`),
    );
    return { id: run.id, code, out, err, reads: reads.take(), ms: performance.now() - started };
  } catch (error) {
    const thrown = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { id: run.id, code: 70, out, err, reads: reads.take(), thrown, ms: performance.now() - started };
  }
}

parentPort?.on('message', (run: CliRun) => void runCli(run).then((outcome) => parentPort?.postMessage(outcome)));
// Loaded: the driver starts a run's clock only now, so loading the CLI is not counted against it.
parentPort?.postMessage({ ready: true });

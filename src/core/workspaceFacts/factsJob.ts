import type { Finding } from '../analysis/findings';
import type { FactName } from '../source/directives';
import { addFactEdit, globForPath, type FactsEditResult } from './edit';
import { factsForPath } from './match';
import { readFactsFile, type FactsFile } from './read';

/** A facts file's text and the folder it stands in (a URI's path, or a POSIX path). */
export interface FactsText {
  readonly folder: string;
  readonly text: string;
}

/**
 * The work on `.compute-budget.yaml` files the editor hands off its own thread: parsing a file
 * and compiling its globs (`problems`), matching a config's path against them (`facts`), and the
 * edit that adds a fact. Only texts and plain values cross: compiled globs stay where they run.
 */
export type FactsRequest =
  | { readonly kind: 'problems'; readonly text: string }
  | { readonly kind: 'facts'; readonly files: readonly FactsText[]; readonly path: string }
  | { readonly kind: 'glob'; readonly relativePath: string }
  | { readonly kind: 'edit'; readonly text: string | undefined; readonly glob: string; readonly name: FactName; readonly value: string };

export type FactsJob = FactsRequest & { readonly id: number };

/** What each kind of job answers. */
export interface FactsAnswers {
  readonly problems: readonly Finding[];
  readonly facts: Record<string, string>;
  readonly glob: string;
  readonly edit: FactsEditResult;
}

export type FactsReply = { readonly id: number; readonly value: FactsAnswers[keyof FactsAnswers] } | { readonly id: number; readonly error: string };

/** Parsed files kept by text: a config's facts are asked for on every analysis, its facts files change rarely. */
const KEPT = 64;

/**
 * Answers facts jobs, keeping the last `KEPT` parsed files so a glob is compiled once per text,
 * not once per config analysed. One per thread that runs them (the worker, or the host's last resort).
 */
export function factsJobRunner(): (job: FactsJob) => FactsReply {
  const parsed = new Map<string, FactsFile>();
  const read = (text: string): FactsFile => {
    let file = parsed.get(text);
    if (file) {
      parsed.delete(text);
    } else {
      file = readFactsFile(text);
      if (parsed.size >= KEPT) parsed.delete(parsed.keys().next().value!);
    }
    parsed.set(text, file);
    return file;
  };
  return (job) => {
    try {
      switch (job.kind) {
        case 'problems':
          return { id: job.id, value: read(job.text).findings };
        case 'facts':
          return {
            id: job.id,
            value: factsForPath(
              job.files.map((placed) => ({ folder: placed.folder, file: read(placed.text) })),
              job.path,
            ),
          };
        case 'glob':
          return { id: job.id, value: globForPath(job.relativePath) };
        case 'edit':
          return { id: job.id, value: addFactEdit(job.text, job.glob, job.name, job.value) };
      }
    } catch (error) {
      return { id: job.id, error: String((error as Error)?.message ?? error) };
    }
  };
}

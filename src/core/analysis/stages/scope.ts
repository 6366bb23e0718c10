import type { Finding } from '../findings';
import { launchedProgram } from '../../source/shellTree';
import { trainingKeysIn, unsupportedFormat } from '../../source/foreignSyntax';
import { silentFileFinding, unfollowedLaunchFinding, unrecognisedConfigFinding } from '../../training/neverSilent';
import type { HardwareRecord, ScopedRecord } from './types';

/**
 * Stage 6, scope: what of the reading counts toward the budget. A file in a syntax we do not parse
 * counts only its facts; a file that is no training config says nothing beyond its syntax errors;
 * a broken file drops what the parser's recovery invented. Each of these is `quiet`: it does not
 * say what is "missing".
 */
export function scopeReading(read: HardwareRecord): ScopedRecord {
  const { model, training, options, findings } = read;
  const scoped: ScopedRecord = {
    file: read.fileName,
    syntax: read.syntax,
    framework: read.framework,
    model,
    training,
    findings,
    userFacts: read.userFacts,
    options,
    pending: read.pending,
  };
  if (read.refused) return scoped;
  if (read.foreign) return foreignScope(read, scoped);
  const { hardware } = read;
  const statesHardware = !!(hardware?.accelerator && hardware.count && hardware.seconds);
  if (read.framework.id === 'unknown' && !model.total && !training.tokens && !statesHardware && !options.alwaysReport) return notAConfig(read, scoped);
  if (read.parsed?.problems.some((problem) => problem.code === 'parse-error')) return brokenScope(read, scoped);
  return trainingScope(read, scoped);
}

/** A training config: all of it counts; a file that yields no figure says why (training/neverSilent.ts). */
function trainingScope(read: HardwareRecord, scoped: ScopedRecord): ScopedRecord {
  const { model, training, findings, trainerArgs } = read;
  const silent =
    silentFileFinding(read.framework, model, training, findings, { start: 0, end: Math.min(read.text.length, 1) }) ??
    (read.framework.id === 'unknown' && !model.total ? unrecognisedConfigFinding(read.text) : undefined);
  if (silent) findings.push(silent);
  // A run that re-initialises the weights is pretraining, whatever model it names.
  const counted = trainerArgs?.reinitialises ? { ...model, startsFrom: undefined } : model;
  return { ...scoped, model: counted, hardware: read.hardware, adapter: read.adapter, lifecycle: read.lifecycle, trainerArgs, reading: read };
}

/** A file in a syntax we do not parse (TOML, Python, shell, INI) that sets training keys gets one diagnostic saying what is not counted. */
function foreignScope(read: HardwareRecord, scoped: ScopedRecord): ScopedRecord {
  const { model, training } = read;
  const keys = model.total && training.tokens ? [] : trainingKeysIn(read.text);
  if (keys.length >= 3) {
    const missing = [...(model.total ? [] : ['the model size']), ...(training.tokens ? [] : ['the training tokens'])];
    read.findings.push(unsupportedFormat(read.foreign!, keys, missing));
  }
  return { ...scoped, options: { ...read.options, quiet: !(model.total && training.tokens) } };
}

/**
 * Not a training config (a CI workflow, a compose file, package.json): nothing beyond syntax
 * errors, so unrelated files never collect budget diagnostics. A stream of several documents
 * (Kubernetes manifests) is valid YAML: not an error here.
 */
function notAConfig(read: HardwareRecord, scoped: ScopedRecord): ScopedRecord {
  const aboutTheText = new Set<Finding['code']>(['parse-error', 'too-deep', 'too-large']);
  const kept = scoped.findings.filter((finding) => aboutTheText.has(finding.code) && !/multiple documents/i.test(finding.message));
  // A launch script whose training command is not followed says so (training/neverSilent.ts).
  // Signs by key name are read in configs only: Python source (`epochs: int = 3`) and a broken file say enough already.
  const bySigns = read.syntax !== 'python' && kept.length === 0;
  const launch =
    read.syntax === 'shell' ? unfollowedLaunchFinding(read.text, launchedProgram(read.parsed?.root)) : unrecognisedConfigFinding(read.text, bySigns);
  if (launch) kept.push(launch);
  return { ...scoped, model: {}, training: { factors: [] }, findings: kept, options: { ...scoped.options, quiet: true } };
}

/**
 * A broken file is read only as far as the parser recovered; "missing" facts are then artefacts of
 * the break, and would bury the one diagnostic that matters. A value on the line the parser broke
 * on was read from the parser's recovery, not the user's intent.
 */
function brokenScope(read: HardwareRecord, scoped: ScopedRecord): ScopedRecord {
  const artefacts = new Set<Finding['code']>(['missing-architecture', 'missing-tokens', 'missing-data-parallel', 'missing-dataset-size', 'unknown-model']);
  const breaks = read.parsed!.problems.filter((problem) => problem.code === 'parse-error');
  const brokenLines = new Set(breaks.map((problem) => lineOf(read.text, problem.span.start)));
  const onBrokenLine = (finding: Finding) => finding.code !== 'parse-error' && brokenLines.has(lineOf(read.text, finding.span.start));
  const kept = scoped.findings.filter((finding) => !artefacts.has(finding.code) && !onBrokenLine(finding));
  return { ...scoped, findings: kept, options: { ...scoped.options, quiet: true } };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

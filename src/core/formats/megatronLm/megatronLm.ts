import { readMegatron } from '../shared/megatronModel';
import type { Finding } from '../../analysis/findings';
import { guessedProgram, shellValue } from '../../source/shellTree';
import { guessesNeverErrors } from '../shared/guessedMeaning';
import type { ConfigNode } from '../../source/tree';
import { has, type FrameworkModule } from '../format';
import { tokenizerFileReader } from '../../architecture/readers/tokenizerFile';
import { readHuggingFace } from '../huggingface/modelReader';
import { HETEROGENEOUS_MODEL, heterogeneousNote, withHeterogeneousModel } from './heterogeneous';
import { architectureConflicts, MEGATRON_DEFAULTED, MEGATRON_SIGNATURE, MEGATRON_TRAINING, readMegatronTokens } from '../shared/megatronArguments';

/**
 * Megatron-LM launch scripts: a shell script that runs `pretrain_gpt.py` (or `pretrain_mamba.py`,
 * `pretrain_t5.py`, … and the Megatron-DeepSpeed fork's) with Megatron's command-line flags. The
 * shell reader resolves the script's variables; this module reads the flags with the defaults and
 * the checks of megatron/training/arguments.py.
 */

export const megatronLm: FrameworkModule = {
  id: 'megatron-lm',
  name: 'Megatron-LM launch script',
  syntaxes: ['shell'],
  detect: (root) => (has(root, ...MEGATRON_SIGNATURE) ? 10 : 0),
  expand: withHeterogeneousModel,
  readArchitecture: (view, context) => {
    reportUnresolved(view.root, context.findings);
    context.findings.push(...architectureConflicts(view));
    const note = view.root?.kind === 'map' ? heterogeneousNote(view.root) : undefined;
    if (note) {
      context.findings.push(note);
      return readHuggingFace(view, { under: [HETEROGENEOUS_MODEL] });
    }
    return readMegatron(view, { under: [], dialect: 'cli', tokenizerFile: tokenizerFileReader(context) });
  },
  training: MEGATRON_TRAINING,
  readTokens: (view, context) => {
    const tokens = readMegatronTokens(view, context);
    if (guessedProgram(view.root)) guessesNeverErrors(view.findings, 'flag of a program not named pretrain_*.py');
    return tokens;
  },
};

/** Values the file cannot know (`$1`, `$(date)`, a variable set outside): information at the value. */
function reportUnresolved(root: ConfigNode | undefined, findings: Finding[]): void {
  if (root?.kind !== 'map') return;
  for (const entry of root.entries) {
    if (entry.key === 'launcher') continue;
    const values = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
    for (const value of values) {
      const info = shellValue(value);
      if (!info?.unresolved) continue;
      const name = entry.key.replaceAll('-', '_');
      const consequence = MEGATRON_DEFAULTED.has(name)
        ? "so the count uses Megatron's default in its place, which may not be what runs"
        : 'so the value is not known here';
      const written = info.variable ? ` $${info.variable}` : '';
      findings.push({
        severity: 'information',
        code: 'unresolved-interpolation',
        message: `--${entry.key}${written}: ${info.unresolved}, ${consequence}.`,
        span: { start: Math.min(entry.keySpan.start, value.span.start), end: Math.max(entry.keySpan.end, value.span.end) },
      });
    }
  }
}

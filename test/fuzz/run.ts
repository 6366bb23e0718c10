import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { anyInput } from './arbitraries';
import { loadCorpus } from './corpus';
import { violations, type ViolationKind } from './invariants';

/**
 * `npm run fuzz [-- --runs N --seed S]`: analyses N generated inputs and reports crashes, hangs
 * (over 1 s for a file under 100 KB), wrong figures, ranges outside the document and unclean
 * messages, with a reproducer for the first of each. Exits 1 when any is found.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = flag('runs', 10_000);
/** `--verbose`: one line per violation, not only the first of each kind. */
const verbose = args.includes('--verbose');
const seed = flag('seed', Date.now() % 2 ** 31);
const HANG_MS = 1_000;

const counts: Record<ViolationKind | 'hang', number> = { crash: 0, hang: 0, 'wrong-figure': 0, range: 0, message: 0 };
const first = new Map<string, string>();
let slowest = { ms: 0, name: '', size: 0 };
const corpus = loadCorpus();
const samples = fc.sample(anyInput(corpus), { numRuns: runs, seed });
samples.forEach((input, index) => {
  const started = performance.now();
  let found: { kind: ViolationKind | 'hang'; detail: string }[];
  try {
    found = violations(analyze(input.text, input.name, input.options), input.text);
  } catch (error) {
    found = [
      {
        kind: 'crash',
        detail: String((error as Error)?.stack ?? error)
          .split('\n')
          .slice(0, 4)
          .join(' | '),
      },
    ];
  }
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { ms, name: input.name, size: input.text.length };
  if (ms > HANG_MS && input.text.length < 100_000) found.push({ kind: 'hang', detail: `${ms.toFixed(0)} ms for ${input.text.length} characters` });
  for (const violation of found) {
    counts[violation.kind]++;
    if (verbose) console.log(`${violation.kind} case ${index} (${input.name}): ${violation.detail}`);
    if (!first.has(violation.kind))
      first.set(
        violation.kind,
        `case ${index} (${input.name}, ${input.text.length} chars): ${violation.detail}\n    text: ${JSON.stringify(input.text.slice(0, 300))}`,
      );
  }
});

console.log(`fuzz: ${runs} inputs, seed ${seed}, ${corpus.length} corpus files`);
for (const [kind, count] of Object.entries(counts)) console.log(`  ${kind.padEnd(13)} ${count}`);
console.log(`  slowest      ${slowest.ms.toFixed(0)} ms (${slowest.name}, ${slowest.size} chars)`);
for (const [kind, example] of first) console.log(`first ${kind}: ${example}`);
process.exit(Object.values(counts).some((count) => count > 0) ? 1 : 0);

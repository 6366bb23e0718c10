import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCorpus } from '../corpus';
import { cliCase } from './cliArbitraries';
import { makeRoot, writeCase, type CliCase } from './cliCase';
import { cliViolations, type CliViolation, type CliViolationKind } from './cliInvariants';
import { CliPool } from './cliPool';

/**
 * `npm run fuzz` (second part): the whole command line as a user runs it. Each input is a small
 * repository written to a temporary folder (configs, chained files, facts files, lab inputs,
 * links in and out, hostile names) and one command over it (`analyze` in every format,
 * `statement`, `plan`, `fit`, `stop`, `boundary`), run through the CLI's `main` on a worker
 * thread with a time and a heap budget. Every file the run opens is recorded.
 *
 *   node out/test/fuzz/cli/run.js [--runs N] [--seed S] [--time-ms 5000] [--memory-mb 1024] [--threads 2] [--verbose]
 *
 * Reproducers (the case, its arguments, what broke) go to test-artifacts/fuzz/; exits 1 when any
 * invariant broke.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = flag('runs', 10_000);
const seed = flag('seed', Date.now() % 2 ** 31);
const timeMs = flag('time-ms', 5_000);
const memoryMb = flag('memory-mb', 1_024);
const threads = flag('threads', 2);
const verbose = args.includes('--verbose');
/** Cases are drawn in chunks (seed, seed + 1, …) so a long run never holds every input at once. */
const CHUNK = 250;
/** Reproducers written per kind: the first few tell the story. */
const KEEP = 5;

const repo = path.resolve(__dirname, '../../../..');
const keepDir = path.join(repo, 'test-artifacts', 'fuzz');

async function main(): Promise<number> {
  const corpus = loadCorpus();
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-cli-fuzz-')));
  const { cases, outside } = makeRoot(root);
  const hf = path.join(root, 'hf');
  // The runs read no real Hugging Face cache and reach no network; relative paths are relative to the root.
  process.env.HF_HOME = hf;
  process.env.HF_HUB_OFFLINE = '1';
  process.env.NO_COLOR = '1';
  process.chdir(root);
  fs.mkdirSync(keepDir, { recursive: true });
  const pool = new CliPool(path.join(__dirname, 'worker.js'), threads, timeMs, memoryMb);
  const counts: Record<CliViolationKind, number> = { crash: 0, hang: 0, memory: 0, 'outside-read': 0, secret: 0, control: 0, 'command-line': 0 };
  const first = new Map<CliViolationKind, string>();
  const byCommand = new Map<string, number>();
  let slowest = { ms: 0, argv: '' };
  let done = 0;
  const started = performance.now();

  const one = async (testCase: CliCase, index: number) => {
    const dir = path.join(cases, `c${index}`);
    const argv = writeCase(testCase, dir, outside);
    byCommand.set(argv[0]!, (byCommand.get(argv[0]!) ?? 0) + 1);
    const result = await pool.run(argv);
    let found: CliViolation[];
    if ('over' in result) found = [{ kind: result.over === 'time' ? 'hang' : 'memory', detail: result.detail }];
    else {
      if (result.outcome.ms > slowest.ms) slowest = { ms: result.outcome.ms, argv: argv.join(' ').slice(0, 160) };
      const reads = result.outcome.reads.map((read) => {
        try {
          return fs.realpathSync(read);
        } catch {
          return path.resolve(read);
        }
      });
      found = cliViolations({ ...result.outcome, reads }, { boundary: dir, allowed: [hf], github: argv.includes('github') });
    }
    const kinds = new Set<CliViolationKind>();
    for (const violation of found) {
      if (kinds.has(violation.kind)) continue;
      kinds.add(violation.kind);
      counts[violation.kind]++;
      if (verbose) console.log(`${violation.kind} case ${index}: ${violation.detail} :: ${JSON.stringify(argv)}`);
      if (!first.has(violation.kind)) first.set(violation.kind, `case ${index} (${JSON.stringify(argv).slice(0, 200)}): ${violation.detail}`);
      if (counts[violation.kind] <= KEEP)
        fs.writeFileSync(
          path.join(keepDir, `cli-${violation.kind}-${seed}-${index}.json`),
          JSON.stringify({ seed, index, violation, argv, case: testCase }, null, 2),
        );
    }
    fs.rmSync(dir, { recursive: true, force: true });
    done++;
  };

  for (let chunk = 0; chunk * CHUNK < runs; chunk++) {
    const samples = fc.sample(cliCase(corpus), { numRuns: Math.min(CHUNK, runs - chunk * CHUNK), seed: seed + chunk });
    // As many cases at once as there are threads, so both are always busy.
    let next = 0;
    await Promise.all(
      Array.from({ length: threads }, async () => {
        while (next < samples.length) {
          const at = next++;
          await one(samples[at]!, chunk * CHUNK + at);
        }
      }),
    );
  }
  await pool.close();
  fs.rmSync(root, { recursive: true, force: true });

  const seconds = (performance.now() - started) / 1000;
  console.log(`cli fuzz: ${done} inputs, seed ${seed}, ${seconds.toFixed(0)} s, budget ${timeMs} ms and ${memoryMb} MB each, ${threads} threads`);
  console.log(`  commands     ${[...byCommand].map(([name, count]) => `${name} ${count}`).join(', ')}`);
  for (const [kind, count] of Object.entries(counts)) console.log(`  ${kind.padEnd(13)}${count}`);
  console.log(`  slowest      ${slowest.ms.toFixed(0)} ms (${slowest.argv})`);
  for (const [kind, example] of first) console.log(`first ${kind}: ${example}`);
  if (first.size) console.log(`reproducers: ${path.relative(repo, keepDir)}/cli-<kind>-${seed}-<case>.json`);
  return Object.values(counts).some((count) => count > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(70);
  },
);

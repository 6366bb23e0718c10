/**
 * Every hostile input we keep (test/fuzz/cli/keptCases.ts, the large ones too), each run as the
 * user runs it: a child process of the command line (out/src/cli/main.js) in a temporary
 * repository, under /usr/bin/time for its peak memory; then the lab's commands on the largest
 * files their readers accept (`labLimits.ts`). Prints the load average, the wall time, CPU time
 * and peak RSS of each, and marks any past issue 21's limits (5 s, 1 GB): on a machine shared
 * with other work the wall time is several times the CPU time.
 *
 *   npx tsc -p . && node out/test/bench/hostileCli.js [--lab-only]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeRoot, writeCase } from '../fuzz/cli/cliCase';
import { KEPT } from '../fuzz/cli/keptCases';
import { writeLabInputs } from './labLimits';

const LIMIT_S = 5;
const LIMIT_MB = 1024;
/** A run still going after this is ended and shown as such. */
const KILL_MS = 60_000;

interface Measured {
  readonly name: string;
  readonly exit: string;
  readonly seconds: number;
  readonly cpu: number;
  readonly mb: number;
}

/** One run of the command line under /usr/bin/time: wall time, user + system CPU, peak RSS. */
function measure(cli: string, name: string, argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Measured {
  // `timeout` ends the CLI itself (ending /usr/bin/time would leave it running), and time still reports.
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'timeout', '-s', 'KILL', String(KILL_MS / 1000), process.execPath, cli, ...argv], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env,
  });
  const measured = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)\s*$/.exec(run.stderr ?? '');
  const seconds = measured ? Number(measured[1]) : KILL_MS / 1000;
  const cpu = measured ? Number(measured[2]) + Number(measured[3]) : NaN;
  const mb = measured ? Number(measured[4]) / 1024 : NaN;
  // 137: ended by `timeout` (SIGKILL); 124 would be its own time-out status.
  return { name, exit: run.status === 137 ? `killed at ${KILL_MS / 1000} s` : String(run.status), seconds, cpu, mb };
}

function main(): number {
  const cli = path.resolve(__dirname, '../../src/cli/main.js');
  const root = makeRoot(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-hostile-'))));
  const env = { ...process.env, HF_HUB_OFFLINE: '1', HF_HOME: path.join(root.root, 'hf'), NO_COLOR: '1' };
  const rows: Measured[] = [];
  const load = os.loadavg();
  if (!process.argv.includes('--lab-only'))
    KEPT.forEach((kept, index) => {
      const dir = path.join(root.cases, `h${index}`);
      const argv = writeCase(kept.case, dir, root.outside);
      rows.push(measure(cli, kept.name, argv, root.root, env));
      fs.rmSync(dir, { recursive: true, force: true });
    });
  // The lab's commands on the largest files their readers accept.
  for (const input of writeLabInputs(path.join(root.root, 'lab'))) rows.push(measure(cli, input.name, input.argv, root.root, env));
  fs.rmSync(root.root, { recursive: true, force: true });
  const past = (row: Measured): boolean => row.seconds > LIMIT_S || !(row.mb <= LIMIT_MB);
  const after = os.loadavg();
  console.log(`load average ${load.map((x) => x.toFixed(2)).join(' ')} before, ${after.map((x) => x.toFixed(2)).join(' ')} after; ${os.cpus().length} CPUs\n`);
  console.log(`| input | exit | time (s) | CPU user+sys (s) | peak RSS (MB) |\n|---|---|---|---|---|`);
  for (const row of rows) {
    const over = past(row) ? ' **over**' : '';
    const mb = Number.isNaN(row.mb) ? '?' : row.mb.toFixed(0);
    console.log(`| ${row.name} | ${row.exit} | ${row.seconds.toFixed(2)} | ${Number.isNaN(row.cpu) ? '?' : row.cpu.toFixed(2)} | ${mb}${over} |`);
  }
  const over = rows.filter(past);
  console.log(`\n${rows.length} inputs; ${over.length} past ${LIMIT_S} s or ${LIMIT_MB} MB${over.length ? `: ${over.map((row) => row.name).join('; ')}` : ''}`);
  return over.length ? 1 : 0;
}

process.exitCode = main();

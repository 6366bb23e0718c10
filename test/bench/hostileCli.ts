/**
 * Every hostile input we keep (test/fuzz/cli/keptCases.ts, the large ones too), each run as the
 * user runs it: a child process of the command line (out/src/cli/main.js) in a temporary
 * repository, under /usr/bin/time for its peak memory. Prints the time and peak RSS of each and
 * marks any past issue 21's limits (5 s, 1 GB).
 *
 *   npx tsc -p . && node out/test/bench/hostileCli.js
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeRoot, writeCase } from '../fuzz/cli/cliCase';
import { KEPT } from '../fuzz/cli/keptCases';

const LIMIT_S = 5;
const LIMIT_MB = 1024;
/** A run still going after this is ended and shown as such. */
const KILL_MS = 60_000;

function main(): number {
  const cli = path.resolve(__dirname, '../../src/cli/main.js');
  const root = makeRoot(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-hostile-'))));
  const rows: { name: string; exit: string; seconds: number; mb: number }[] = [];
  KEPT.forEach((kept, index) => {
    const dir = path.join(root.cases, `h${index}`);
    const argv = writeCase(kept.case, dir, root.outside);
    // `timeout` ends the CLI itself (ending /usr/bin/time would leave it running), and time still reports.
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', 'timeout', '-s', 'KILL', String(KILL_MS / 1000), process.execPath, cli, ...argv], {
      cwd: root.root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, HF_HUB_OFFLINE: '1', HF_HOME: path.join(root.root, 'hf'), NO_COLOR: '1' },
    });
    const measured = /(\d+(?:\.\d+)?) (\d+)\s*$/.exec(run.stderr ?? '');
    const seconds = measured ? Number(measured[1]) : KILL_MS / 1000;
    const mb = measured ? Number(measured[2]) / 1024 : NaN;
    // 137: ended by `timeout` (SIGKILL); 124 would be its own time-out status.
    rows.push({ name: kept.name, exit: run.status === 137 ? `killed at ${KILL_MS / 1000} s` : String(run.status), seconds, mb });
    fs.rmSync(dir, { recursive: true, force: true });
  });
  fs.rmSync(root.root, { recursive: true, force: true });
  console.log(`| input | exit | time (s) | peak RSS (MB) |\n|---|---|---|---|`);
  for (const row of rows) {
    const over = row.seconds > LIMIT_S || !(row.mb <= LIMIT_MB) ? ' **over**' : '';
    console.log(`| ${row.name} | ${row.exit} | ${row.seconds.toFixed(2)} | ${Number.isNaN(row.mb) ? '?' : row.mb.toFixed(0)}${over} |`);
  }
  const over = rows.filter((row) => row.seconds > LIMIT_S || !(row.mb <= LIMIT_MB));
  console.log(`\n${rows.length} inputs; ${over.length} past ${LIMIT_S} s or ${LIMIT_MB} MB${over.length ? `: ${over.map((row) => row.name).join('; ')}` : ''}`);
  return over.length ? 1 : 0;
}

process.exitCode = main();

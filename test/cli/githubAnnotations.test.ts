import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { githubAnnotations } from '../../src/cli/githubAnnotations';
import { workflowData as escapeData, workflowProperty as escapeProperty } from '../../src/core/text/sanitise';
import { main } from '../../src/cli/main';
import { unreadableReport, type FileReport } from '../../src/cli/report';

/**
 * A workflow command read back as the Actions runner reads it: the command up to a space or `::`,
 * properties split at `,` and `=`, the message after the second `::`, then the escapes undone in
 * one pass (so `%250A` stays the text `%0A`).
 */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) => text.replace(/%(25|0D|0A|3A|2C)/g, (_all, code: string) => String.fromCharCode(parseInt(code, 16)));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',')) {
    const [name, value] = pair.split(/=(.*)/s, 2) as [string, string];
    properties[name] = unescape(value);
  }
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

function report(file: string, diagnostics: FileReport['diagnostics']): FileReport {
  return { ...unreadableReport(file, ''), diagnostics };
}

describe('compute-budget analyze --format github', () => {
  it('escapes data and properties as GitHub documents: %, CR and LF; in properties also : and ,', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext%3A a%2C b');
    assert.equal(escapeData('%0A'), '%250A', 'an escape already in the text is not decoded by the runner');
  });

  it('keeps a hostile message and file name inside one command that reads back unchanged', () => {
    const file = 'configs/we,ird:name%0A 100%.yaml';
    const message = 'line one\n::error file=x.yaml::injected, 100% sure: yes\r\n%0A';
    const lines = githubAnnotations(
      [report(file, [{ severity: 'warning', code: 'invalid-number', message, line: 3, column: 5, endLine: 3, endColumn: 9 }])],
      '/repo',
    );
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0]!, /[\r\n]/);
    const parsed = parseCommand(lines[0]!);
    assert.equal(parsed.command, 'warning');
    assert.deepEqual(parsed.properties, { file, line: '3', col: '5', endColumn: '9', endLine: '3', title: 'compute-budget invalid-number' });
    assert.equal(parsed.message, message);
  });

  it('shows terminal escapes and bidi overrides from a config as \\u escapes, never raw', () => {
    const [line] = githubAnnotations(
      [report('a.yaml', [{ severity: 'error', code: 'parse-error', message: 'x\u001b[2J\u202eevil\u0085', line: 1, column: 1, endLine: 1, endColumn: 2 }])],
      '/repo',
    );
    assert.doesNotMatch(line!, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    assert.equal(parseCommand(line!).message, 'x\\u001b[2J\\u202eevil\\u0085');
  });

  it('maps severities to error, warning and notice, and gives columns only within one line', () => {
    const lines = githubAnnotations(
      [
        report('/repo/sub/a.yaml', [
          { severity: 'error', code: 'parse-error', message: 'e', line: 2, column: 3, endLine: 4, endColumn: 2 },
          { severity: 'information', code: 'catalog-value', message: 'i', line: 5, column: 1, endLine: 6, endColumn: 1 },
          { severity: 'hint', code: 'assumed-value', message: 'h', line: 7, column: 2, endLine: 7, endColumn: 2 },
        ]),
      ],
      '/repo',
    ).map(parseCommand);
    assert.deepEqual(
      lines.map((line) => line.command),
      ['error', 'notice', 'notice'],
    );
    assert.deepEqual(lines[0]!.properties, { file: 'sub/a.yaml', line: '2', endLine: '4', title: 'compute-budget parse-error' });
    assert.deepEqual(
      lines[1]!.properties,
      { file: 'sub/a.yaml', line: '5', col: '1', endColumn: '1', endLine: '5', title: 'compute-budget catalog-value' },
      'a span ending at the start of line 6 ends on line 5',
    );
    assert.equal(lines[2]!.properties.col, '2');
  });

  describe('from the command line', () => {
    let folder: string;
    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-github-'))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('annotates each diagnostic of a real file, keeps its exit codes, and prints nothing when all is well', async () => {
      const bad = path.join(folder, 'a,b:c%d.yaml');
      fs.writeFileSync(bad, 'model:\n  parameters: 70B\ntraining:\n  tokens: [1T\n');
      const good = path.join(folder, 'good.yaml');
      fs.writeFileSync(good, 'model:\n  parameters: 1B\ntraining:\n  tokens: 20B\n');
      let out = '';
      const code = await main(
        ['analyze', '--format', 'github', '--fail-on', 'error', bad, '--root', folder],
        (text) => (out += text + '\n'),
        () => {},
      );
      assert.equal(code, 1);
      const commands = out.trim().split('\n').map(parseCommand);
      assert.ok(commands.some((command) => command.command === 'error' && command.properties.title === 'compute-budget parse-error'));
      for (const command of commands) assert.equal(command.properties.file, bad);
      let quiet = '';
      assert.equal(
        await main(
          ['analyze', '--format', 'github', good, '--root', folder],
          (text) => (quiet += text),
          () => {},
        ),
        0,
      );
      assert.equal(quiet, '');
    });
  });
});

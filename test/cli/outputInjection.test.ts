import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliIn } from './runCli';
import { workflowCommand } from '../core/text/workflowCommand';

/** Every raw control a terminal or a log would act on; line feeds between lines are the output's own. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Escape sequences and C1 and bidi controls as a config, a file name or a runs file may hold them (YAML/CSV-safe: no quote, comma or line break). */
const SEQUENCES = '\u001b[2J\u001b]8;;https://evil.example\u0007\u009b31m\u202e\u2066\u0085\u007f';

/** Each line of a block as GitHub's runner reads it: never a command (or, for --format github, only the annotations). */
function assertSafe(text: string, what: string, annotations = false): void {
  assert.doesNotMatch(text, RAW, `${what}: a raw control`);
  assert.ok(!text.includes('##['), `${what}: a legacy workflow command`);
  for (const line of text.split('\n')) {
    const command = workflowCommand(line);
    if (annotations && line) assert.ok(command && ['error', 'warning', 'notice'].includes(command.command), `${what}: ${line}`);
    else assert.equal(command, undefined, `${what}: the line "${line}" is a workflow command`);
  }
}

describe('every text surface of the command line, fed hostile names and values', () => {
  let root: string;
  let config: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-injection-'));
    // A folder and a file whose names are workflow commands, with escape sequences inside.
    const folder = path.join(root, '::add-mask::folder');
    fs.mkdirSync(folder);
    config = path.join('::add-mask::folder', `::error file=x.yaml::${SEQUENCES.replace(/\//g, '-')}##[warning]n.yaml`);
    fs.writeFileSync(
      path.join(root, config),
      [
        `model_name: "::error::model \\e[2J\\u202e##[add-mask]x <b>*md*</b> | [l](command:quit)"`,
        'hidden_size: 512',
        'num_hidden_layers: 2',
        'num_attention_heads: 8',
        'vocab_size: 1000',
        'max_position_embeddings: 2048',
        'tokens: 1B',
        `base_config: "::warning::\\e[31m##[error]base.yaml"`,
        '# compute-budget: parameters=notanumber\u001b[2J::error::',
        '',
      ].join('\n'),
    );
    // Run ids in an early-checkpoint finding, a config cell in a bad-row finding.
    fs.writeFileSync(
      path.join(root, 'runs.csv'),
      [
        'run,parameters,tokens,loss,config',
        `::add-mask::secret${SEQUENCES},70M,10M,4.9,`,
        `::add-mask::secret${SEQUENCES},70M,700M,3.91,`,
        `##[error]r2,,1.4B,3.65,::error::c${SEQUENCES.replace(/\//g, '-')}.yaml`,
        ...['70M,2.8B,3.41', '160M,1.6B,3.5', '160M,3.2B,3.3', '410M,4B,3.1', '410M,8B,2.95'].map((row, i) => `r${i},${row},`),
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(root, 'evals.csv'),
      [
        'model,task,parameters,tokens,score',
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `m${i},::error::task${SEQUENCES},${i * 100}M,${i * 4}B,0.${20 + i * 5}`),
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'loss.csv'), ['step,::add-mask::loss\u001b[2J,tokens', '1,3.5,1000', '2,3.4,2000', ''].join('\n'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const format of ['table', 'json', 'sarif']) {
    it(`analyze --format ${format}: stdout and stderr carry no control and no workflow command`, async () => {
      const { out, err } = await runCliIn(root, 'analyze', config, '--format', format);
      assert.ok(out.length > 0);
      assertSafe(out, `stdout (${format})`);
      assertSafe(err, `stderr (${format})`);
    });
  }

  it('analyze --format github: one annotation per diagnostic, each escaped as GitHub reads it', async () => {
    const { out, err } = await runCliIn(root, 'analyze', config, '--format', 'github');
    assert.ok(out.trim().length > 0);
    assertSafe(out, 'stdout (github)', true);
    assertSafe(err, 'stderr (github)');
    for (const line of out.trim().split('\n'))
      assert.ok(workflowCommand(line)!.properties.file!.startsWith('::add-mask::folder/::error file=x.yaml::\\u001b'), line);
  });

  it('a file that cannot be read is named on stderr without controls or commands', async () => {
    const { err, code } = await runCliIn(root, 'analyze', `::error::gone${SEQUENCES}.yaml`);
    assert.equal(code, 1);
    assert.match(err, /cannot read/);
    assertSafe(err, 'stderr');
  });

  for (const format of ['md', 'json']) {
    it(`statement --format ${format} carries no control, workflow command or Markdown from the file`, async () => {
      const { out, err } = await runCliIn(root, 'statement', config, '--format', format);
      assertSafe(out, `statement ${format}`);
      assertSafe(err, `statement ${format} stderr`);
      if (format === 'md') assert.doesNotMatch(out, /<b>|\*md\*|\]\(command/, 'no markup from the model name');
    });
  }

  for (const [command, file, ...flags] of [
    ['fit', 'runs.csv', '--compute', '1e22'],
    ['boundary', 'evals.csv'],
    ['stop', 'loss.csv'],
  ]) {
    for (const json of [false, true]) {
      it(`${command}${json ? ' --json' : ''} prints run ids, cells and task names without controls or commands`, async () => {
        const { out, err } = await runCliIn(root, command!, file!, ...flags, ...(json ? ['--json'] : []));
        assert.ok(out.length > 0);
        assertSafe(out, `${command} stdout`);
        assertSafe(err, `${command} stderr`);
      });
    }
  }

  it('a usage error that repeats what was typed is escaped too', async () => {
    const { err, code } = await runCliIn(root, `::error::cmd${SEQUENCES}`);
    assert.equal(code, 2);
    assertSafe(err, 'usage error');
  });
});

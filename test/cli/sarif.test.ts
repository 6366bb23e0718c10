import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { main } from '../../src/cli/main';
import { artifactLocation, firstSentence, sarifLog } from '../../src/cli/sarif';
import { diagnosticSection, type DocPage } from '../../src/core/docs/diagnosticDocs';
import { FINDING_CODES } from '../../src/core/analysis/findings';
import { docPages } from '../docPages';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'test/examples');
const DOCS = docPages();
// The OASIS standard's schema; where it comes from: test/cli/schemas/README.md.
const OFFICIAL_SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/cli/schemas/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;

/** Every config among the examples: all files but READMEs, the lab's CSVs and the editor's settings. */
function exampleConfigs(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.vscode' && entry.name !== 'lab') walk(full);
      } else if (entry.name !== 'README.md') files.push(full);
    }
  };
  walk(EXAMPLES);
  return files.sort();
}

async function run(argv: string[], docs: readonly DocPage[] | undefined = DOCS): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (text) => (out += text + '\n'),
    (text) => (err += text + '\n'),
    { docs },
  );
  return { code, out, err };
}

/**
 * The official schema declares draft-04, which Ajv 8 does not ship. Draft-07 reads every keyword
 * it uses the same way but `id`, renamed `$id`; a boolean exclusiveMinimum (draft-04 only) would
 * change meaning, so its absence is checked, not assumed.
 */
function sarifValidator() {
  const text = JSON.stringify(OFFICIAL_SCHEMA);
  assert.doesNotMatch(text, /"exclusive(Minimum|Maximum)"/, 'the schema uses a keyword whose meaning changed after draft-04');
  assert.equal(OFFICIAL_SCHEMA.$schema, 'http://json-schema.org/draft-04/schema#');
  const { id, ...rest } = OFFICIAL_SCHEMA;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id as string });
}

describe('compute-budget analyze --format sarif', () => {
  const validate = sarifValidator();
  let log: Log;
  let exit: number;
  const configs = exampleConfigs();

  before(async () => {
    const result = await run(['analyze', '--format', 'sarif', ...configs]);
    exit = result.code;
    log = JSON.parse(result.out) as Log;
  });

  it('validates against the OASIS SARIF 2.1.0 schema for every example config', () => {
    assert.ok(configs.length > 50, `only ${configs.length} example configs found`);
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(exit, 0, 'without --fail-on, findings do not fail the run');
  });

  it('is caught by the schema when a result breaks it (the check can fail)', () => {
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    assert.equal(validate(broken), false);
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
  });

  it('has one run whose driver names the tool and its version, with no invented web address', () => {
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'compute-budget');
    assert.equal(driver.version, (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.equal(driver.informationUri, undefined);
    assert.ok(driver.rules!.every((rule) => rule.helpUri === undefined));
  });

  it('has one rule per diagnostic code, with the docs section of that code as its help', () => {
    const rules = log.runs[0]!.tool.driver.rules!;
    assert.deepEqual(
      rules.map((rule) => rule.id),
      [...FINDING_CODES],
    );
    for (const rule of rules) {
      const section = diagnosticSection(DOCS, rule.id)!.body;
      assert.equal(rule.help!.markdown, section, rule.id);
      assert.ok(rule.fullDescription!.text.length > 20, rule.id);
      assert.ok(rule.shortDescription!.text.length <= 260 && /[.?]$/.test(rule.shortDescription!.text), `${rule.id}: ${rule.shortDescription!.text}`);
      assert.doesNotMatch(rule.help!.text, /`/, `${rule.id}: the plain help has no Markdown code spans`);
    }
    const tag = rules.find((rule) => rule.id === 'unreadable-file')!;
    assert.equal(tag.shortDescription!.text, 'The file does not exist or cannot be read.', 'a leading "(Command line only.)" is not the title');
  });

  it('gives every diagnostic of --json as a result: same code, level by severity, message and 1-based region', async () => {
    const reports = JSON.parse((await run(['analyze', '--json', ...configs])).out) as {
      file: string;
      diagnostics: { severity: string; code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
    }[];
    const expected = reports.flatMap((report) => report.diagnostics.map((diagnostic) => ({ file: report.file, ...diagnostic })));
    const results = log.runs[0]!.results!;
    assert.ok(expected.length > 20, 'the examples raise diagnostics');
    assert.equal(results.length, expected.length);
    const rules = log.runs[0]!.tool.driver.rules!;
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    results.forEach((result, at) => {
      const want = expected[at]!;
      const location = result.locations![0]!.physicalLocation!;
      assert.equal(result.ruleId, want.code);
      assert.equal(rules[result.ruleIndex!]!.id, want.code);
      assert.equal(result.level, levels[want.severity]);
      assert.equal(result.message.text, want.message);
      assert.deepEqual(location.region, { startLine: want.line, startColumn: want.column, endLine: want.endLine, endColumn: want.endColumn });
      assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
      assert.equal(path.resolve(process.cwd(), decodeURIComponent(location.artifactLocation!.uri!)), want.file);
    });
    assert.ok(results.some((result) => result.level === 'error') && results.some((result) => result.level === 'note'));
  });

  it('writes its messages with ASCII numbers', () => {
    const messages = log.runs[0]!.results!.map((result) => result.message.text).join('\n');
    assert.match(messages, /\de\d\d FLOP/);
    assert.doesNotMatch(messages, /×\s*10|[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
  });

  it('keeps the exit codes: 1 at --fail-on, 1 and a result for an unreadable file, 2 for a bad format', async () => {
    const malformed = path.join(EXAMPLES, 'bad/malformed.yaml');
    assert.equal((await run(['analyze', '--format', 'sarif', malformed, '--fail-on', 'error'])).code, 1);
    const missing = await run(['analyze', '--format', 'sarif', path.join(EXAMPLES, 'no-such.yaml')]);
    assert.equal(missing.code, 1);
    const [result] = (JSON.parse(missing.out) as Log).runs[0]!.results!;
    assert.equal(result!.ruleId, 'unreadable-file');
    assert.equal(result!.level, 'error');
    for (const argv of [
      ['--format', 'xml'],
      ['--format', 'sarif', '--json'],
      ['--format', '__proto__'],
    ]) {
      const refused = await run(['analyze', malformed, ...argv]);
      assert.equal(refused.code, 2, argv.join(' '));
      assert.equal(refused.out, '');
    }
    assert.equal((await run(['analyze', malformed, '--format', 'json', '--json'])).code, 0, '--json agrees with --format json');
  });

  it('is in analyze --help, with every format, in 80 columns', async () => {
    const { out } = await run(['analyze', '--help']);
    for (const format of ['table', 'json', 'sarif', 'github']) assert.match(out, new RegExp(`\\b${format}\\b`), format);
    assert.match(out, /--format sarif > budget\.sarif/);
    assert.ok(out.split('\n').every((line) => line.length <= 80));
  });

  it('still validates, with each rule pointing to the diagnostics page, when no docs text is at hand', () => {
    const bare = sarifLog([], { version: '0.0.0', root: ROOT });
    assert.ok(validate(bare), JSON.stringify(validate.errors));
    assert.match(bare.runs[0]!.tool.driver.rules![0]!.help!.text, /docs\/diagnostics\.md/);
  });

  describe('with hostile input', () => {
    let folder: string;
    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'compute-budget-sarif-'))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('writes no raw control or bidi character from a config and still validates', async () => {
      const file = path.join(folder, 'a b#c%d.yaml');
      fs.writeFileSync(file, 'model_name: "\\e[2J\\u202eevil\\u0085"\ntokens: "\\e]8;;x\\a12T"\nparameters: banana\n');
      const { out } = await run(['analyze', '--format', 'sarif', file, '--root', folder]);
      assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      assert.match(out, /\\\\u001b/, 'the escape is shown, escaped (in JSON, its backslash doubled)');
      const hostile = JSON.parse(out) as Log;
      assert.ok(validate(hostile), JSON.stringify(validate.errors));
      assert.ok(hostile.runs[0]!.results!.length > 0);
    });

    it('makes a path inside the root a relative, percent-encoded URI and one outside it a file URI', () => {
      assert.deepEqual(artifactLocation(path.join(folder, 'sub', 'a b#c%d.yaml'), folder), { uri: 'sub/a%20b%23c%25d.yaml', uriBaseId: '%SRCROOT%' });
      const outside = artifactLocation(path.join(folder, 'x.yaml'), path.join(folder, 'elsewhere'));
      assert.equal(outside.uriBaseId, undefined);
      assert.equal(fileURLToPath(outside.uri), path.join(folder, 'x.yaml'));
    });
  });

  it('titles a rule with its first sentence, and shortens a long one', () => {
    assert.equal(firstSentence('(Information.) The file is odd. More here.'), 'The file is odd.');
    const long =
      'Flags clash (--a with --b; --c with --d) and so the run stops before it starts, which a launch script would only learn on the cluster; the rest is as before. Next.';
    assert.equal(firstSentence(long), 'Flags clash and so the run stops before it starts, which a launch script would only learn on the cluster.');
    assert.equal(firstSentence('Short; kept whole (with its aside). Next.'), 'Short; kept whole (with its aside).');
  });
});

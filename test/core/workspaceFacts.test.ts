import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { addFactEdit, globForPath, NEW_FACTS_FILE_HEADER } from '../../src/core/workspaceFacts/edit';
import { factsForPath, layeredFacts } from '../../src/core/workspaceFacts/match';
import { readFactsFile } from '../../src/core/workspaceFacts/read';

/** The text a finding's span covers, so a test names the place the way a reader sees it. */
const spanned = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

const EXAMPLE = '# Facts the configs do not hold\nfacts:\n  "configs/llama/*.json": { gpus: 256, dataset_tokens: 2T }\n  "**/config.json": { tokens: 1.4T }\n';

describe('workspace facts file', () => {
  describe('reading', () => {
    it('reads globs and facts with their values as written', () => {
      const file = readFactsFile(EXAMPLE);
      assert.deepEqual(file.findings, []);
      assert.deepEqual(
        file.entries.map((entry) => [entry.glob, entry.facts.map((fact) => `${fact.name}=${fact.value}`)]),
        [
          ['configs/llama/*.json', ['gpus=256', 'dataset_tokens=2T']],
          ['**/config.json', ['tokens=1.4T']],
        ],
      );
    });

    it('accepts the names a directive accepts (gpu, dp, vocab_size) as the canonical facts', () => {
      const file = readFactsFile('facts:\n  a.json: { gpu: 8, dp: 4, vocab_size: llama-2 }\n');
      assert.deepEqual(
        file.entries[0].facts.map((fact) => fact.name),
        ['gpus', 'data_parallel', 'vocab'],
      );
    });

    it("answers Object's member names as unknown facts, and keeps a parameters fact", () => {
      const file = readFactsFile('facts:\n  a.yaml: { constructor: 1, __proto__: 2, toString: 3, parameters: 7B }\n');
      assert.deepEqual(
        file.entries[0].facts.map((fact) => [fact.name, fact.value]),
        [['parameters', '7B']],
      );
      assert.equal(file.findings.length, 3);
      for (const finding of file.findings) assert.doesNotMatch(finding.message, /function|\[object/, finding.message);
    });

    it('reads an empty file, a file of comments and an empty facts: key as no facts and no problem', () => {
      for (const text of ['', '# nothing yet\n', 'facts:\n', 'facts: {}\n']) {
        assert.deepEqual(readFactsFile(text), { entries: [], findings: [] }, JSON.stringify(text));
      }
    });

    it('reports an unknown fact at its name and a bad value at the value, and keeps the valid facts', () => {
      const text = 'facts:\n  "a.json": { gpus: 8, tokenz: 1T, tokens: lots, dataset_tokens: -3 }\n';
      const file = readFactsFile(text);
      assert.deepEqual(
        file.findings.map((finding) => [finding.code, spanned(text, finding.span)]),
        [
          ['invalid-directive', 'tokenz'],
          ['invalid-directive', 'lots'],
          ['invalid-directive', '-3'],
        ],
      );
      assert.match(file.findings[0].message, /not a fact this extension reads; known facts: gpus/);
      assert.match(file.findings[1].message, /tokens: lots is not a count of one or more/);
      assert.deepEqual(
        file.entries[0].facts.map((fact) => fact.name),
        ['gpus'],
      );
    });

    it('reports globs that cannot name a file below the folder at the glob', () => {
      const text = 'facts:\n  "/abs/a.json": { gpus: 1 }\n  "../up.json": { gpus: 1 }\n  "!neg.json": { gpus: 1 }\n  "": { gpus: 1 }\n  ok.json: { gpus: 2 }\n';
      const file = readFactsFile(text);
      assert.deepEqual(
        file.findings.map((finding) => spanned(text, finding.span)),
        ['"/abs/a.json"', '"../up.json"', '"!neg.json"', '""'],
      );
      assert.match(file.findings[0].message, /absolute/);
      assert.match(file.findings[1].message, /outside the folder/);
      assert.deepEqual(
        file.entries.map((entry) => entry.glob),
        ['ok.json'],
      );
    });

    it('reports facts that are not a map, a root that is not a map, and keys other than facts', () => {
      const text = 'facts:\n  a.json: 8\n  b.json: [gpus]\nversion: 2\n';
      const file = readFactsFile(text);
      assert.deepEqual(
        file.findings.map((finding) => spanned(text, finding.span)),
        ['8', '[gpus]', 'version'],
      );
      assert.match(file.findings[2].message, /reads only the key facts/);
      const list = '- gpus: 8\n';
      assert.deepEqual(
        readFactsFile(list).findings.map((finding) => [finding.code, spanned(list, finding.span)]),
        [['invalid-directive', '- gpus: 8']],
      );
      assert.match(readFactsFile('facts: 12\n').findings[0].message, /facts: is a map from globs to facts/);
    });

    it('reports YAML errors as parse errors where the parser stopped, never throwing', () => {
      const text = 'facts:\n  "a.json": { gpus: 8\n  b.json: { tokens: 1T }\n';
      const file = readFactsFile(text);
      assert.ok(file.findings.length > 0);
      assert.ok(file.findings.every((finding) => finding.code === 'parse-error' || finding.code === 'invalid-directive'));
      assert.ok(file.findings.some((finding) => finding.code === 'parse-error' && finding.span.end > finding.span.start));
      for (const hostile of ['{'.repeat(10_000), '*a', 'facts: &a [*a]\n', 'facts:\n  ? [a, b]\n  : { gpus: 1 }\n', '\u0000\u0001', 'x'.repeat(300_000)]) {
        assert.doesNotThrow(() => readFactsFile(hostile));
      }
    });
  });

  describe('matching', () => {
    const root = { folder: '/ws', file: readFactsFile(EXAMPLE) };

    it("matches globs against the path relative to the facts file's folder", () => {
      assert.deepEqual(factsForPath([root], '/ws/configs/llama/7b.json'), { gpus: '256', dataset_tokens: '2T' });
      assert.deepEqual(factsForPath([root], '/ws/configs/llama/deep/7b.json'), {});
      assert.deepEqual(factsForPath([root], '/ws/hub/llama/config.json'), { tokens: '1.4T' });
      assert.deepEqual(factsForPath([root], '/ws/config.json'), { tokens: '1.4T' });
      assert.deepEqual(factsForPath([root], '/other/config.json'), {});
      assert.deepEqual(factsForPath([root], '/wsx/config.json'), {});
    });

    it('lets a later matching entry win, fact by fact', () => {
      const file = readFactsFile('facts:\n  "*.json": { gpus: 8, tokens: 1T }\n  "big.json": { gpus: 64 }\n');
      assert.deepEqual(factsForPath([{ folder: '/ws', file }], '/ws/big.json'), { tokens: '1T', gpus: '64' });
      assert.deepEqual(factsForPath([{ folder: '/ws', file }], '/ws/small.json'), { gpus: '8', tokens: '1T' });
    });

    it("applies a subfolder's file to its subtree only, over the root's file", () => {
      const nested = { folder: '/ws/team', file: readFactsFile('facts:\n  "**/*.json": { gpus: 16 }\n') };
      const outer = { folder: '/ws', file: readFactsFile('facts:\n  "**/*.json": { gpus: 1024, tokens: 2T }\n') };
      assert.deepEqual(factsForPath([nested, outer], '/ws/team/run/a.json'), { gpus: '16', tokens: '2T' });
      assert.deepEqual(factsForPath([nested, outer], '/ws/other/a.json'), { gpus: '1024', tokens: '2T' });
    });

    it('matches file names with glob characters when the glob was made from the path', () => {
      const glob = globForPath('runs/[exp] 7b*.json');
      const file = readFactsFile(`facts:\n  ${JSON.stringify(glob)}: { gpus: 2 }\n`);
      assert.deepEqual(file.findings, []);
      assert.ok(file.entries[0].matches('runs/[exp] 7b*.json'));
      assert.ok(!file.entries[0].matches('runs/e 7bx.json'));
    });
  });

  describe('precedence', () => {
    const model =
      '{"model_type": "llama", "hidden_size": 512, "num_hidden_layers": 2, "num_attention_heads": 8, "intermediate_size": 1024, "vocab_size": 1000}';

    it("ranks settings below the workspace file and both below the file's own directives", () => {
      const settings = { tokens: '1B', gpus: 8 };
      const workspace = { tokens: '2B' };
      assert.deepEqual(layeredFacts(model, [settings, workspace]), { gpus: 8, tokens: '2B' });
      const commented = `# compute-budget: tokens=3B\nmodel:\n  parameters: 7B\n`;
      assert.deepEqual(layeredFacts(commented, [settings, workspace]), { gpus: 8 });
      assert.equal(analyze(commented, 'run.yaml', { facts: layeredFacts(commented, [settings, workspace]) }).tokens, 3e9);
      assert.equal(analyze(model, 'config.json', { facts: layeredFacts(model, [settings, workspace]) }).tokens, 2e9);
    });

    it('treats differently spelled names of one fact as the same fact, and keeps unknown names for analyze to report', () => {
      assert.deepEqual(layeredFacts('', [{ gpu: 8, nonsense: 1 }, { gpus: '16' }]), { nonsense: 1, gpus: '16' });
      const analysis = analyze(model, 'config.json', { facts: layeredFacts(model, [{ nonsense: 1 }]) });
      assert.ok(analysis.findings.some((finding) => finding.code === 'invalid-directive'));
    });
  });

  describe('the edit that adds a fact', () => {
    const apply = (text: string | undefined, glob: string, name: 'tokens' | 'gpus', value: string) => {
      const result = addFactEdit(text, glob, name, value);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      const before = text ?? '';
      const after = before.slice(0, result.edit.start) + result.edit.newText + before.slice(result.edit.end);
      assert.equal(after.slice(result.edit.focus.start, result.edit.focus.end), value, 'the focus is the written value');
      return after;
    };

    it('creates a file with a header comment and one entry', () => {
      const text = apply(undefined, 'hf/config.json', 'tokens', '1.4T');
      assert.equal(text, `${NEW_FACTS_FILE_HEADER}facts:\n  "hf/config.json": { tokens: 1.4T }\n`);
      assert.deepEqual(factsForPath([{ folder: '/ws', file: readFactsFile(text) }], '/ws/hf/config.json'), { tokens: '1.4T' });
    });

    it('adds an entry after the last one, keeping comments and the rest of the text', () => {
      const text = apply(EXAMPLE, 'hf/mistral.json', 'gpus', '64');
      assert.equal(text, `${EXAMPLE.trimEnd()}\n  "hf/mistral.json": { gpus: 64 }\n`);
      const commented = 'facts: # ours\n  a.json:\n    gpus: 8 # measured\n# trailing\n';
      assert.equal(apply(commented, 'b.json', 'gpus', '2'), 'facts: # ours\n  a.json:\n    gpus: 8 # measured\n  "b.json": { gpus: 2 }\n# trailing\n');
    });

    it('adds the fact to an existing entry, or replaces the value it already has', () => {
      assert.equal(apply('facts:\n  "a.json": { gpus: 8 }\n', 'a.json', 'tokens', '2T'), 'facts:\n  "a.json": { gpus: 8, tokens: 2T }\n');
      assert.equal(apply('facts:\n  "a.json": { gpus: 8 }\n', 'a.json', 'gpus', '16'), 'facts:\n  "a.json": { gpus: 16 }\n');
      assert.equal(apply('facts:\n  a.json:\n    gpu: 8\n', 'a.json', 'gpus', '16'), 'facts:\n  a.json:\n    gpu: 16\n');
      assert.equal(apply('facts:\n  a.json:\n    gpus: 8\n', 'a.json', 'tokens', '1T'), 'facts:\n  a.json:\n    gpus: 8\n    tokens: 1T\n');
      assert.equal(apply('facts:\n  a.json:\n', 'a.json', 'tokens', '1T'), 'facts:\n  a.json: { tokens: 1T }\n');
      assert.equal(apply('facts:\n  "a.json": {}\n', 'a.json', 'tokens', '1T'), 'facts:\n  "a.json": { tokens: 1T }\n');
    });

    it('adds a facts: key to a file without one, and fills an empty one', () => {
      assert.equal(apply('# just a comment', 'a.json', 'gpus', '4'), '# just a comment\nfacts:\n  "a.json": { gpus: 4 }\n');
      assert.equal(apply('facts:\n', 'a.json', 'gpus', '4'), 'facts:\n  "a.json": { gpus: 4 }\n');
      assert.equal(apply('facts: {}\n', 'a.json', 'gpus', '4'), 'facts: { "a.json": { gpus: 4 } }\n');
    });

    it('refuses a file with YAML errors or of another shape, saying why', () => {
      for (const text of ['facts: [\n', '- a\n', 'facts: 3\n']) {
        const result = addFactEdit(text, 'a.json', 'gpus', '4');
        assert.equal(result.ok, false, text);
        assert.match(result.ok ? '' : result.reason, /\.compute-budget\.yaml/);
      }
    });
  });
});

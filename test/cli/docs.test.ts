import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { colors } from '../../src/cli/color';
import { COMMAND_HELP, helpText, type CommandName } from '../../src/cli/help';
import { main } from '../../src/cli/main';
import { ROOT } from '../docPages';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const DOCS = fs
  .readdirSync(path.join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

/** Every file under `folder` (relative to the root) whose name ends with one of `endings`. */
function filesUnder(folder: string, endings: readonly string[]): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => endings.some((ending) => name.endsWith(ending)))
    .map((name) => path.join(folder, name));
}

/** Markdown lines outside fenced code blocks (a `# comment` in a YAML example is no heading). */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^(```|~~~)/.test(line.trimStart())) fenced = !fenced;
    return !fenced && !/^(```|~~~)/.test(line.trimStart());
  });
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of proseLines(markdown)) {
    const heading = /^#{1,6} (.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    out.add(count ? `${slug}-${count}` : slug);
  }
  return out;
}

/** Relative link targets of a Markdown page: `[text](target)` and `![alt](target)`, outside code. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const line of proseLines(markdown)) {
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(match[1]!)) links.push(match[1]!);
    }
  }
  return links;
}

/** Every `compute-budget/<name>@<version>` contract id the sources name. */
function contractIds(): string[] {
  const ids = new Set<string>();
  for (const file of filesUnder('src', ['.ts', '.json'])) for (const match of read(file).matchAll(/compute-budget\/[a-z-]+@\d+/g)) ids.add(match[0]);
  return [...ids].sort();
}

/**
 * The keys a contract's table in docs/cli.md documents, by the object they belong to: '' for the
 * top level, `fit` for `fit.constants`, `fits[]` for `fits[].task`. A row may name several keys.
 */
function documentedKeys(id: string): Map<string, Set<string>> {
  const page = read('docs/cli.md');
  const start = page.indexOf(`### \`${id}\``);
  assert.ok(start >= 0, id);
  const end = page.indexOf('\n### ', start + 1);
  const keys = new Map<string, Set<string>>();
  for (const line of page.slice(start, end < 0 ? undefined : end).split('\n')) {
    const cell = /^\| ([^|]*) \|/.exec(line)?.[1];
    if (!cell || !cell.startsWith('`')) continue;
    for (const [, name] of cell.matchAll(/`([^`]+)`/g)) {
      const at = name!.lastIndexOf('.');
      const owner = at < 0 ? '' : name!.slice(0, at);
      keys.set(owner, (keys.get(owner) ?? new Set()).add(name!.slice(at + 1)));
    }
  }
  return keys;
}

/** The keys of what a command writes, for the same owners as `documentedKeys`. */
function writtenKeys(output: Record<string, unknown>, owners: Iterable<string>): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const owner of owners) {
    let value: unknown = output;
    for (const part of owner ? owner.split('.') : []) {
      value = (value as Record<string, unknown>)[part.replace('[]', '')];
      if (part.endsWith('[]')) value = (value as unknown[])[0];
    }
    keys.set(owner, new Set(Object.keys(value as object)));
  }
  return keys;
}

async function jsonOf(argv: string[]): Promise<Record<string, unknown>> {
  let out = '';
  await main(
    argv,
    (text) => (out += text),
    () => undefined,
  );
  const parsed = JSON.parse(out) as Record<string, unknown> | Record<string, unknown>[];
  return Array.isArray(parsed) ? parsed[0]! : parsed;
}

describe('the documentation', () => {
  it('documents every JSON contract id the sources name under its own heading in docs/cli.md', () => {
    const ids = contractIds();
    for (const id of [
      'compute-budget/analyze@1',
      'compute-budget/plan@1',
      'compute-budget/statement@1',
      'compute-budget/fit@1',
      'compute-budget/stop@1',
      'compute-budget/boundary@1',
    ])
      assert.ok(ids.includes(id), `${id} is no longer named in src/: the list of contracts changed`);
    const headings = proseLines(read('docs/cli.md')).filter((line) => line.startsWith('### '));
    assert.deepEqual(
      ids.filter((id) => !headings.includes(`### \`${id}\``)),
      [],
    );
  });

  it('documents every key each contract writes, and no key it does not, for outputs that hold every optional part', async () => {
    const lab = (file: string) => path.join(ROOT, 'test/examples/lab', file);
    const runs: [string, string[]][] = [
      ['compute-budget/analyze@1', ['analyze', path.join(ROOT, 'test/examples/generic/llama-2-7b-run.yaml'), '--json']],
      ['compute-budget/plan@1', ['plan', '--flops', '5.76e23', '--gpu', 'H100', '--count', '1024', '--price-per-hour', '2', '--json']],
      ['compute-budget/statement@1', ['statement', path.join(ROOT, 'test/examples/generic/llama-2-7b-run.yaml'), '--format', 'json']],
      ['compute-budget/fit@1', ['fit', lab('runs.csv'), '--compute', '1e24', '--json']],
      ['compute-budget/stop@1', ['stop', lab('loss.csv'), '--config', lab('small-run.yaml'), '--json']],
      ['compute-budget/boundary@1', ['boundary', lab('evals.csv'), '--compute', '1e24', '--json']],
    ];
    for (const [id, argv] of runs) {
      const documented = documentedKeys(id);
      const output = await jsonOf(argv);
      if ('schema' in output) assert.equal(output.schema, id);
      const written = writtenKeys(output, documented.keys());
      for (const [owner, keys] of documented) assert.deepEqual([...keys].sort(), [...written.get(owner)!].sort(), `${id}: ${owner || 'top level'}`);
    }
  });

  it('has --help point at pages that exist, and at docs/cli.md for every contract it names', () => {
    const texts = [helpText(colors(false)), ...(Object.keys(COMMAND_HELP) as CommandName[]).map((command) => helpText(colors(false), command))];
    for (const text of texts) {
      assert.doesNotMatch(text, /README/);
      for (const [page] of text.matchAll(/docs\/[a-z-]+\.md/g)) assert.ok(DOCS.includes(page), `${page} does not exist`);
    }
    const options = Object.values(COMMAND_HELP).flatMap((help) => help.options);
    const naming = options.filter((option) => /compute-budget\/[a-z-]+@\d+/.test(option.help));
    assert.equal(naming.length, 6);
    for (const option of naming) assert.match(option.help, /docs\/cli\.md/, option.help);
  });

  it('keeps the README under 250 lines, linking every docs page', () => {
    const readme = read('README.md');
    assert.ok(readme.split('\n').length < 250, `README.md has ${readme.split('\n').length} lines`);
    const linked = new Set(relativeLinks(readme).map((link) => link.replace(/#.*$/, '')));
    assert.deepEqual(
      DOCS.filter((page) => !linked.has(page)),
      [],
    );
  });

  it('has no relative link in the README or a docs page that leads to a missing file or heading', () => {
    const broken: string[] = [];
    for (const page of ['README.md', ...DOCS]) {
      for (const link of relativeLinks(read(page))) {
        const [file, anchor] = link.split('#') as [string, string | undefined];
        const target = file ? path.join(path.dirname(page), file) : page;
        if (!fs.existsSync(path.join(ROOT, target))) broken.push(`${page}: ${link} (no file)`);
        else if (anchor !== undefined && target.endsWith('.md') && !anchors(read(target)).has(anchor)) broken.push(`${page}: ${link} (no heading)`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('finds broken links and headings, so the checks above can fail', () => {
    assert.deepEqual(relativeLinks('See [a](docs/x.md#y) and ![b](p.png), not `[c](d.md)` or [e](https://e.org).'), ['docs/x.md#y', 'p.png']);
    assert.deepEqual(
      [...anchors('# The `compute-budget/plan@1` contract\n## A, b\n## A, b\n```\n# not a heading\n```\n')],
      ['the-compute-budgetplan1-contract', 'a-b', 'a-b-1'],
    );
  });
});

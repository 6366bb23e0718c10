import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { colors } from '../../src/cli/color';
import { COMMAND_HELP, helpText, type CommandName } from '../../src/cli/help';
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

import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DIAGNOSTICS_PAGE, diagnosticSection, type DocPage } from '../core/docs/diagnosticDocs';
import { FINDING_CODES } from '../core/analysis/findings';
import type { Severity } from '../core/analysis/findings';
import { printable } from '../core/text/sanitise';
import type { FileReport } from './report';

/**
 * `analyze --format sarif`: one SARIF 2.1.0 log with one run, for code scanning (GitHub's
 * upload-sarif, the SARIF viewers). Built by hand on @types/sarif's types: the log needs one run,
 * one rule per code and one result per diagnostic, which a builder library would not shorten.
 */
export interface SarifOptions {
  /** The tool's version (package.json). */
  readonly version: string;
  /** The folder paths are made relative to: `%SRCROOT%`. */
  readonly root: string;
  /** The docs pages (or their bundled `### <code>` sections); each rule's help is its code's section. */
  readonly docs?: readonly DocPage[];
}

/** SARIF has four levels; the editor's information and hint are both notes there. */
const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The `$id` of the OASIS standard's schema (SARIF 2.1.0 with Errata 01), the one the tests validate against. */
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export function sarifLog(reports: readonly Pick<FileReport, 'file' | 'diagnostics'>[], options: SarifOptions): Log {
  const rules = FINDING_CODES.map((code) => rule(code, options.docs));
  const index = new Map<string, number>(FINDING_CODES.map((code, at) => [code, at]));
  const results: Result[] = reports.flatMap((report) =>
    report.diagnostics.map((diagnostic): Result => {
      const ruleIndex = index.get(diagnostic.code);
      return {
        ruleId: diagnostic.code,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVEL[diagnostic.severity] ?? 'warning',
        message: { text: printable(diagnostic.message, 10_000) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(report.file, options.root),
              region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
            },
          },
        ],
      };
    }),
  );
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        // No informationUri and no helpUri: the project has no public home yet.
        tool: { driver: { name: 'compute-budget', fullName: 'Compute Budget', version: options.version, semanticVersion: options.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(options.root) } },
        // Columns are counted in UTF-16 code units, as the engine's offsets are (SARIF's default, said outright).
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** One rule per diagnostic code, its words cut from the code's section of the docs pages. */
function rule(code: string, docs: readonly DocPage[] | undefined): ReportingDescriptor {
  const section = docs === undefined ? undefined : diagnosticSection(docs, code)?.body;
  if (!section) {
    const text = `Compute Budget diagnostic ${code}. The page ${DIAGNOSTICS_PAGE} of its documentation describes every code.`;
    return { id: code, shortDescription: { text: `Compute Budget diagnostic ${code}` }, fullDescription: { text }, help: { text } };
  }
  const text = plainText(section);
  return {
    id: code,
    shortDescription: { text: firstSentence(text) },
    fullDescription: { text },
    help: { text, markdown: section },
  };
}

/** Markdown to plain text as far as the diagnostics reference uses it: code spans and links. */
function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A title for the rule: the section's first sentence, without a leading "(Information.)" aside;
 * a long one loses its parentheses and then whatever follows its first semicolon.
 */
export function firstSentence(text: string): string {
  const body = text.replace(/^\([^)]*\)\s*/, '').split('\n\n')[0]!;
  const end = /\.(?=\s+[A-Z(-]|$)/.exec(body);
  let sentence = end ? body.slice(0, end.index + 1) : body;
  if (sentence.length > 120) sentence = sentence.replace(/ \([^()]*\)/g, '');
  if (sentence.length > 120 && sentence.includes(';')) sentence = `${sentence.slice(0, sentence.indexOf(';'))}.`;
  return sentence;
}

/**
 * A file as code scanning wants it: a URI relative to `%SRCROOT%` when it lies inside the root,
 * each segment percent-encoded (spaces, `#`, `%`); else an absolute `file:` URI.
 */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** A folder's `file:` URI, ending in `/` as SARIF requires of a base. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(path.resolve(folder)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

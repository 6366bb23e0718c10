import * as path from 'path';
import type { Severity } from '../core/analysis/findings';
import { printable } from '../core/source/view';
import type { FileReport } from './report';

/**
 * `analyze --format github`: one GitHub Actions workflow command per diagnostic,
 * `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, which the runner turns
 * into an annotation on the file and line of a pull request.
 */
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function githubAnnotations(reports: readonly FileReport[], root: string): string[] {
  return reports.flatMap((report) =>
    report.diagnostics.map((diagnostic) => {
      // A span that ends at the start of a line ends, for an annotation, on the line before.
      const endLine = diagnostic.endLine > diagnostic.line && diagnostic.endColumn === 1 ? diagnostic.endLine - 1 : diagnostic.endLine;
      const properties: [string, string | number][] = [
        ['file', workspacePath(report.file, root)],
        ['line', diagnostic.line],
      ];
      // Annotations take columns only within one line (the checks API refuses them across lines).
      if (endLine === diagnostic.line) properties.push(['col', diagnostic.column], ['endColumn', Math.max(diagnostic.endColumn, diagnostic.column)]);
      properties.push(['endLine', endLine], ['title', `compute-budget ${diagnostic.code}`]);
      const list = properties.map(([name, value]) => `${name}=${escapeProperty(shown(String(value)))}`).join(',');
      return `::${COMMAND[diagnostic.severity] ?? 'warning'} ${list}::${escapeData(shown(diagnostic.message))}`;
    }),
  );
}

/**
 * The escapes of a workflow command, as GitHub's own toolkit writes them (actions/toolkit,
 * packages/core/src/command.ts): in the message `%`, CR and LF; in a property also `:` and `,`,
 * which would otherwise end the property.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Text as it may reach a log: every control character other than CR and LF (which the escapes
 * carry) and every bidi override written as `\uXXXX`, as the table and `--json` show them.
 */
function shown(text: string): string {
  return text
    .slice(0, 10_000)
    .split(/(\r|\n)/)
    .map((part, at) => (at % 2 ? part : printable(part, 10_000)))
    .join('');
}

/** The path GitHub matches annotations with: relative to the working folder (the checkout) when inside it. */
function workspacePath(file: string, root: string): string {
  const relative = path.relative(root, path.resolve(root, file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

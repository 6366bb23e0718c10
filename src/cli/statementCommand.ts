import { printableJson, terminalText } from '../core/text/sanitise';
import { computeStatement, statementMarkdown } from '../core/report/statement';
import { ConfigFileAnalyzer } from '../node/configFileAnalyzer';
import { argumentRefusal, boundaryFolder } from './boundary';
import { factFlags, flag, UsageError, type ParsedArgs } from './args';
import type { CliIO } from './io';
import { VERSION } from './version';

/** `statement FILE [--format md|json] [--fact NAME=VALUE]... [--allow-network]`: a compute statement to file. */
export async function runStatement(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positional.length !== 1) throw new UsageError('statement takes one config file');
  const format = flag(args, 'format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError('--format must be md or json');
  const given = factFlags(args);
  const file = args.positional[0]!;
  const boundary = boundaryFolder(args);
  const analyzer = new ConfigFileAnalyzer({
    given,
    allowNetwork: flag(args, 'allow-network') === 'true',
    boundary,
    problem: (line) => io.warn(line),
  });
  const refused = await argumentRefusal(file, boundary);
  const result = refused !== undefined ? { unreadable: refused } : await analyzer.analyze(file);
  if ('unreadable' in result) {
    io.warn(`compute-budget: ${io.errorColor.red('cannot read')} ${terminalText(file, 300)}: ${result.unreadable}`);
    return 1;
  }
  const statement = computeStatement(result.analysis, undefined, { issued: new Date().toISOString().slice(0, 10), toolVersion: VERSION });
  if (format === 'json') io.write(JSON.stringify(statement, printableJson, 2));
  else io.write(statementMarkdown(statement));
  return statement.flops === null ? 1 : 0;
}

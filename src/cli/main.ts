import { runAnalyze } from './analyzeCommand';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { runPlan } from './planCommand';

const USAGE = `compute-budget: training compute, tokens per parameter and regulatory thresholds of model configs

Usage:
  compute-budget analyze FILE... [--json] [--fail-on error|warning|information|hint]
                                 [--fact NAME=VALUE]... [--tokens-per-parameter N] [--allow-network]

  --json          one JSON object per file (the contract is in the README)
  --fail-on SEV   exit 1 when any diagnostic is at least this severe
  --fact N=V      a fact the file does not hold: gpus, data_parallel, dataset_tokens, tokens, parameters
  --allow-network fetch the config.json of a model named by Hugging Face id (org/name) from the Hub
                  when the local Hugging Face cache does not have it. HF_HUB_OFFLINE=1 wins over it.
                  Uses HF_ENDPOINT and HF_TOKEN (or HF_TOKEN_PATH, HF_HOME/token) like huggingface_hub.
                  Without it, models come from the cache (HF_HUB_CACHE, HF_HOME/hub) or the catalog.

  compute-budget plan (--flops C | --gpu NAME --count N --days D) [--mfu 0.4] [--precision bf16|fp8]
                      [--price-per-hour P] [--target chinchilla|multiple:K|parameters:N|inference:TOKENS]
                      [--fit epoch2024|hoffmann2022] [--json]

  --gpu NAME      A100, H100, H200, B200, MI300X, TPUv5p, TPUv5e (dense peaks: README, "Planner in detail")
  --target        what to plan for; inference:TOKENS sizes for expected inference (Sardana et al. 2023)
  --json          the plan as one JSON object (the contract is in the README, "Planner in detail")
`;

type Command = (args: ParsedArgs, write: (text: string) => void) => number | Promise<number>;

/** Subcommands by name; each returns the process exit code. */
export const COMMANDS: Record<string, Command> = {
  analyze: runAnalyze,
  plan: runPlan,
};

export async function main(argv: readonly string[], write: (text: string) => void = (text) => process.stdout.write(text + '\n'), warn: (text: string) => void = (text) => process.stderr.write(text + '\n')): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('help') || !args.command) {
      write(USAGE);
      return args.command || args.flags.has('help') ? 0 : 2;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    return await command(args, write);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`compute-budget: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`compute-budget: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 70;
  });
}

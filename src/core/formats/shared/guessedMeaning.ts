import type { Finding } from '../../analysis/findings';

/**
 * A reader that guesses what a key means (the key-name reader; flags given to a program other than
 * Megatron's `pretrain_*.py`, such as an eval harness's `--num-layers -1` or a quantisation script's
 * `--num_train_epochs 0`) has no framework check behind it: a value that does not fit the guess says
 * the guess is wrong, not that the file is. So what would be an error is a warning (issue 22 item 7:
 * an error only where the framework refuses the file). Call it after the module's last reading.
 */
export function guessesNeverErrors(findings: Finding[], why: string): void {
  findings.forEach((finding, index) => {
    if (finding.severity === 'error') findings[index] = { ...finding, severity: 'warning', message: `${finding.message} (${why})` };
  });
}

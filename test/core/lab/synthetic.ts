/** Data drawn from known laws with seeded noise, for the lab's tests and benchmark. */
import { BESIROGLU_2024, predictLoss, type LawConstants } from '../../../src/core/lab/lossLaw';
import { seededRandom } from '../../../src/core/lab/stats';

export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

/** A runs CSV: `sizes` model sizes from `smallest` (50M) doubling, each trained at `ratios` tokens per parameter; log-normal noise. */
export function runsCsv(
  options: { law?: LawConstants; sizes?: number; smallest?: number; ratios?: readonly number[]; noise?: number; seed?: number } = {},
): string {
  const law = options.law ?? BESIROGLU_2024;
  const noise = gaussian(seededRandom(options.seed ?? 7));
  const lines = ['run,parameters,tokens,loss'];
  for (let s = 0; s < (options.sizes ?? 7); s++) {
    const n = (options.smallest ?? 50e6) * 2 ** s;
    for (const ratio of options.ratios ?? [5, 10, 20, 40, 80]) {
      const d = n * ratio;
      lines.push(`r${s}-${ratio},${n},${d},${predictLoss(law, n, d) * Math.exp((options.noise ?? 0.005) * noise())}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A loss log: `points` steps of `tokensPerStep`, loss = E + B/D^β (flattening) or falling linearly. */
export function lossLogCsv(shape: 'flattening' | 'steep', options: { points?: number; tokensPerStep?: number; seed?: number } = {}): string {
  const random = seededRandom(options.seed ?? 11);
  const perStep = options.tokensPerStep ?? 1e9;
  const lines = ['step,tokens,loss'];
  for (let i = 1; i <= (options.points ?? 400); i++) {
    const d = i * perStep;
    const loss = shape === 'flattening' ? 2 + 400 / d ** 0.35 : 7 - 0.25 * (d / 1e11);
    lines.push(`${i},${d},${loss + 0.002 * (random() - 0.5)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Wall-clock durations as training configs write them:
 *   "26-00:00:00"   Slurm's D-HH:MM:SS (NeMo's `run.time_limit`)
 *   "25:23:30:00"   PyTorch Lightning's DD:HH:MM:SS (`trainer.max_time`)
 *   "72:00:00"      HH:MM:SS
 *   "30d", "720h", "30 days"
 *   { days: 30, hours: 12 }  (Lightning's dict form)
 * Returns seconds, or undefined for anything else.
 */
export function parseWallClock(value: unknown): number | undefined {
  if (typeof value === 'number') return undefined; // a bare number has no unit; the key says which
  if (value && typeof value === 'object') return undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let match = /^(\d+)-(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (match) return seconds(+match[1], +match[2], +match[3], +match[4]);
  match = /^(\d+):(\d{1,2}):(\d{2}):(\d{2})$/.exec(text);
  if (match) return seconds(+match[1], +match[2], +match[3], +match[4]);
  match = /^(\d+):(\d{2}):(\d{2})$/.exec(text);
  if (match) return seconds(0, +match[1], +match[2], +match[3]);
  match = /^(\d+(?:\.\d+)?)\s*(d|days?|h|hours?)$/i.exec(text);
  if (match) return Number(match[1]) * (/^d/i.test(match[2]) ? 86_400 : 3600);
  return undefined;
}

function seconds(days: number, hours: number, minutes: number, secs: number): number | undefined {
  if (hours >= 24 && days > 0) return undefined;
  if (minutes >= 60 || secs >= 60) return undefined;
  const total = days * 86_400 + hours * 3600 + minutes * 60 + secs;
  return total > 0 ? total : undefined;
}

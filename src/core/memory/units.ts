const GiB = 2 ** 30;

/** Bytes as people read GPU memory: GiB with one decimal ("71.3 GiB"), MiB below one GiB. */
export function gib(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unknown';
  if (Math.abs(bytes) < GiB) return `${Math.round(bytes / 2 ** 20)} MiB`;
  return `${(bytes / GiB).toFixed(1)} GiB`;
}

/** Bytes per token: "131,072 bytes (128 KiB)". */
export function perToken(bytes: number): string {
  return `${Math.round(bytes).toLocaleString('en-US')} bytes${bytes >= 1024 ? ` (${(bytes / 1024).toFixed(bytes % 1024 ? 1 : 0)} KiB)` : ''}`;
}

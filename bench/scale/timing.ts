/** Median and 95th percentile of a list of milliseconds. */
export function summarize(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, p95: at(0.95) }
}

/** Times `task` one call at a time: `warmup` calls not counted, then `runs` counted (ms each). */
export async function timeOneAtATime(
  task: (i: number) => Promise<void>,
  { warmup, runs, offset = 0 }: { warmup: number; runs: number; offset?: number },
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await task(offset + i)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await task(offset + warmup + i)
    times.push(performance.now() - started)
  }
  return times
}

export const ms = (value: number) =>
  value === Number.POSITIVE_INFINITY
    ? 'timed out'
    : value >= 100
      ? value.toFixed(0)
      : value.toFixed(1)

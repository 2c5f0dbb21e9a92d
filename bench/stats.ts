/** Median of runs of `fn` (after one warm-up run), in milliseconds. */
export async function median(
  fn: () => unknown | Promise<unknown>,
  runs = 7,
  now = () => performance.now(),
): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await fn();
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Each contender's median time per call (ms) over samples of `calls` calls, the contenders
 * taking turns round after round (after a warm-up round), so that a busy machine slows them
 * alike rather than whichever ran while it was busy: the rows compare ratios from one run.
 */
export async function takingTurns<K extends string>(
  contenders: Record<K, () => unknown>,
  calls: number,
  rounds = 15,
): Promise<Record<K, number>> {
  const times = {} as Record<K, number[]>;
  for (let round = -1; round < rounds; round++)
    for (const name of Object.keys(contenders) as K[]) {
      const start = performance.now();
      await contenders[name]();
      if (round >= 0) (times[name] ??= []).push(performance.now() - start);
    }
  const median = (t: number[]) => t.sort((a, b) => a - b)[t.length >> 1]!;
  return Object.fromEntries(Object.keys(times).map((name) => [name, median(times[name as K]) / calls])) as Record<
    K,
    number
  >;
}

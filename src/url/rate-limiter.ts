const BURST = 20;
const PER_MS = 8 / 1000;

/**
 * A token bucket for history writes: a burst of 20, then 8 per second, so no 10-second window
 * holds more than 100 writes (Safari's limit; Firefox throws past 200).
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter(performance.now());
 * if (limiter.wait(performance.now()) === 0) { history.replaceState(null, '', url); limiter.spend(); }
 * ```
 */
export class RateLimiter {
  #tokens = BURST;
  #refilled: number;

  constructor(now: number) {
    this.#refilled = now;
  }

  /** Milliseconds until a write is allowed at `now` (0: now). */
  wait(now: number): number {
    this.#tokens = Math.min(BURST, this.#tokens + (now - this.#refilled) * PER_MS);
    this.#refilled = now;
    return this.#tokens >= 1 ? 0 : (1 - this.#tokens) / PER_MS;
  }

  /** Records one write. */
  spend(): void {
    this.#tokens--;
  }
}

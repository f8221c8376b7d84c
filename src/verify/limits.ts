/** Spaces the requests to one provider so at most `perSecond` start in any second. */
export class RateLimiter {
  private next = 0;
  private readonly gapMs: number;
  constructor(perSecond: number, private readonly clock: () => number = () => performance.now()) {
    this.gapMs = 1000 / Math.max(perSecond, 0.001);
  }

  /** Resolves when the caller may send its request. */
  async take(): Promise<void> {
    const now = this.clock();
    const slot = Math.max(now, this.next);
    this.next = slot + this.gapMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}

/** Runs `work` on every item with at most `limit` running at once; resolves when all are done. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let index = 0;
  const lane = async () => {
    while (index < items.length) await work(items[index++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(limit, 1), items.length) }, lane));
}

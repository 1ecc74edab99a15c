/**
 * At most `size` tasks running at once; the rest wait their turn in the order they asked. This is what
 * keeps a folder of 50,000 files from opening them all at once.
 */
export class Limit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a limit wants a whole number of at least 1, not ${size}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running += 1;
    // A finishing task hands its place straight to the next in line, so no newcomer can slip in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next === undefined) this.running -= 1;
      else next();
    }
  }
}

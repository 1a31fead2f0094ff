/**
 * Group commit: writes that arrive while a batch is being committed wait, and are then written
 * together, in one transaction, by the next batch. At low load a write goes alone and at once
 * (no timer, no added wait); under load the batches grow by themselves, and the costs that every
 * transaction pays once — the audit chain's lock and head, the hot rows of running totals, the
 * commit's flush to disk — are shared by the whole batch. See docs/adr/0009-group-commit.md.
 *
 * Each write still succeeds or fails on its own: when a batch fails, its writes are tried again
 * one by one, each in its own transaction, so that one bad write cannot sink the others and each
 * caller gets its own answer. `commit` must therefore be all-or-nothing (one transaction) and
 * must return one result per item, in order.
 */
export interface GroupCommitOptions<Item, Result> {
  /** Writes the items in one transaction and returns their results in the same order. */
  commit: (items: Item[]) => Promise<Result[]>;
  /** The largest batch (a bound on one transaction's size and on the lock's hold time). */
  maxBatch?: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  private committing = false;
  private readonly commit: (items: Item[]) => Promise<Result[]>;
  private readonly maxBatch: number;

  constructor(options: GroupCommitOptions<Item, Result>) {
    this.commit = options.commit;
    this.maxBatch = options.maxBatch ?? 50;
  }

  /** Writes `item` with the next batch; resolves once its transaction has committed. */
  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.committing) void this.drain();
    });
  }

  /** One batch at a time, until nobody waits. */
  private async drain(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length > 0) {
        await this.commitBatch(this.waiting.splice(0, this.maxBatch));
      }
    } finally {
      this.committing = false;
    }
  }

  private async commitBatch(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.commitChecked(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index] as Result));
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    // The batch rolled back as a whole: each write again, alone, for its own answer.
    for (const waiting of batch) {
      try {
        const [result] = await this.commitChecked([waiting.item]);
        waiting.resolve(result as Result);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  private async commitChecked(items: Item[]): Promise<Result[]> {
    const results = await this.commit(items);
    if (results.length !== items.length) {
      throw new Error(`A group commit returned ${results.length} results for ${items.length} items.`);
    }
    return results;
  }
}

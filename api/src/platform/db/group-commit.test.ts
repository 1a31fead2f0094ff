/**
 * The group-commit queue on its own: what it batches, in what order, and how one failing write
 * is kept from failing the others. (The filing service's tests run it on a real database.)
 */
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A commit that records its batches and answers each item doubled, after a turn of the event loop. */
function recorder(fails: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const queue = new GroupCommit<number, number>({
    maxBatch: 4,
    commit: async (items) => {
      batches.push([...items]);
      await new Promise((resolve) => setImmediate(resolve));
      if (fails(items)) throw new Error(`batch ${items.join(',')} failed`);
      return items.map((item) => item * 2);
    },
  });
  return { batches, queue };
}

describe('group commit', () => {
  it('writes a lone item at once, alone', async () => {
    const { batches, queue } = recorder();
    await expect(queue.submit(1)).resolves.toBe(2);
    expect(batches).toEqual([[1]]);
  });

  it('batches what arrives while a batch commits, in arrival order, up to the largest batch', async () => {
    const { batches, queue } = recorder();
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((item) => queue.submit(item)));
    expect(results).toEqual([2, 4, 6, 8, 10, 12, 14]);
    // The first goes at once; the six that came while it committed follow in batches of at most 4.
    expect(batches).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
  });

  it('tries the writes of a failed batch one by one, so only the bad one fails', async () => {
    const { batches, queue } = recorder((items) => items.includes(3));
    const settled = await Promise.allSettled([1, 2, 3, 4].map((item) => queue.submit(item)));
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(settled[2]).toMatchObject({ reason: new Error('batch 3 failed') });
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('refuses a commit that answers fewer results than items', async () => {
    const queue = new GroupCommit<number, number>({ commit: () => Promise.resolve([]) });
    await expect(queue.submit(1)).rejects.toThrow('0 results for 1 items');
  });

  it('keeps working after a failure', async () => {
    const { queue } = recorder((items) => items.includes(1));
    await expect(queue.submit(1)).rejects.toThrow('batch 1 failed');
    await expect(queue.submit(2)).resolves.toBe(4);
  });
});

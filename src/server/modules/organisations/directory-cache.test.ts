import { describe, expect, it } from 'vitest';
import { batchedReader } from './directory-cache.js';

// A read whose answer is the "database value" at the moment the read starts, resolved later by hand.
function fakeSource() {
  let value = 0;
  const pending: Array<() => void> = [];
  let reads = 0;
  const read = () => {
    reads++;
    const seen = value;
    return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
  };
  return {
    read,
    set: (v: number) => {
      value = v;
    },
    finishOne: async () => {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    reads: () => reads,
  };
}

describe('batched version reads', () => {
  it('should never answer a request with a read that started before the request arrived', async () => {
    const src = fakeSource();
    const get = batchedReader(src.read);
    const first = get(); // starts read #1, which sees value 0
    src.set(1); // a change commits while read #1 is in flight
    const second = get(); // arrives after the change: must see 1
    const third = get();
    await src.finishOne();
    expect(await first).toBe(0);
    await src.finishOne();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
  });

  it('should serve every request that arrives during a read with one shared next read', async () => {
    const src = fakeSource();
    const get = batchedReader(src.read);
    const results = [get(), ...Array.from({ length: 20 }, () => get())];
    await src.finishOne();
    await src.finishOne();
    expect(await Promise.all(results)).toHaveLength(21);
    expect(src.reads()).toBe(2);
  });

  it('should start a fresh read after a failed one', async () => {
    let calls = 0;
    const get = batchedReader(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return 'v2';
    });
    await expect(get()).rejects.toThrow('connection lost');
    expect(await get()).toBe('v2');
  });
});

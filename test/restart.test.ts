// Persistence: a restarted node keeps its chain; kill -9 loses no finalized block.
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir, rpc, sleep, startNode, tempDir } from './helpers/node.ts';

const base = tempDir();
afterAll(() => removeDir(base));

const head = async (url: string) => {
  const best = (await rpc(url, 'chain_getHeader')).result;
  const fin = (await rpc(url, 'chain_getFinalizedHead')).result;
  const finHeader = (await rpc(url, 'chain_getHeader', [fin])).result;
  return { best: parseInt(best.number, 16), bestHash: (await rpc(url, 'chain_getBlockHash', [parseInt(best.number, 16)])).result, finalized: parseInt(finHeader.number, 16), finalizedHash: fin };
};

async function waitFor<T>(f: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('restart on the same base path', () => {
  it('keeps best and finalized blocks and all state after a clean stop', async () => {
    const n1 = await startNode({ basePath: base });
    await waitFor(async () => ((await head(n1.httpUrl)).finalized >= 3 ? true : undefined), 'finalized #3');
    const before = await head(n1.httpUrl);
    const aliceKey = '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
    const stateBefore = (await rpc(n1.httpUrl, 'state_getStorage', [aliceKey, before.finalizedHash])).result;
    const genesis = (await rpc(n1.httpUrl, 'chain_getBlockHash', [0])).result;
    await n1.stop('SIGTERM');
    expect(n1.logs()).not.toMatch(/Error|panicked/);

    const n2 = await startNode({ basePath: base });
    const after = await head(n2.httpUrl);
    expect((await rpc(n2.httpUrl, 'chain_getBlockHash', [0])).result).toBe(genesis);
    expect(after.best).toBeGreaterThanOrEqual(before.best);
    expect(after.finalized).toBeGreaterThanOrEqual(before.finalized);
    expect((await rpc(n2.httpUrl, 'chain_getBlockHash', [before.finalized])).result).toBe(before.finalizedHash);
    expect((await rpc(n2.httpUrl, 'state_getStorage', [aliceKey, before.finalizedHash])).result).toBe(stateBefore);
    // and it keeps producing on top of the old chain
    await waitFor(async () => ((await head(n2.httpUrl)).best > after.best ? true : undefined), 'a new block');
    await n2.stop();
  });

  it('kill -9 during block production leaves a database that opens with no lost finalized block', async () => {
    for (let round = 0; round < 3; round++) {
      const n = await startNode({ basePath: base });
      const start = await head(n.httpUrl);
      await waitFor(async () => ((await head(n.httpUrl)).finalized > start.finalized ? true : undefined), 'finality progress');
      // kill at a varying point within the slot
      await sleep(300 + round * 570);
      const seen = await head(n.httpUrl);
      await n.stop('SIGKILL');

      const again = await startNode({ basePath: base });
      const now = await head(again.httpUrl);
      expect(now.finalized).toBeGreaterThanOrEqual(seen.finalized);
      expect((await rpc(again.httpUrl, 'chain_getBlockHash', [seen.finalized])).result).toBe(seen.finalizedHash);
      // every block up to best is readable with its state
      for (let i = 0; i <= now.best; i += Math.max(1, Math.floor(now.best / 10))) {
        const h = (await rpc(again.httpUrl, 'chain_getBlockHash', [i])).result;
        expect((await rpc(again.httpUrl, 'chain_getBlock', [h])).result?.block.header.number).toBe('0x' + i.toString(16));
        expect((await rpc(again.httpUrl, 'state_getStorageHash', ['0x3a636f6465', h])).result).toMatch(/^0x/);
      }
      await again.stop();
    }
  });
});

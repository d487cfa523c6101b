// The metadata-driven decoder (src/scale.ts) against @polkadot/types on a generated chain: every extrinsic and every event
// of every block decodes to the same plain values (toPrimitive), signers, hashes and error names; malformed input is an
// error naming what is wrong, not a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPromise } from '@polkadot/api';
import type { DispatchError, EventRecord, SignedBlock } from '@polkadot/types/interfaces';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { connect, dispatchErrorName } from '@slmnet/client';
import { generateChain } from '../../scripts/chain-gen.ts';
import { freePort, removeDir, startNode, tempDir, type RunningNode } from '../../test/helpers/node.ts';
import { toHex } from '@slmnet/runtime-spec';
import { fromHex, Reader, RuntimeCodec, ScaleError } from '../src/scale.ts';

const BLOCKS = 60;
const EVENTS_KEY = xxhashAsHex('System', 128) + xxhashAsHex('Events', 128).slice(2);

describe('RuntimeCodec on a generated chain', () => {
  let node: RunningNode;
  let api: ApiPromise;
  let base: string;
  let codec: RuntimeCodec;

  beforeAll(async () => {
    base = tempDir('slmnet-scale-chain-');
    await generateChain({ blocks: BLOCKS, basePath: base, chain: 'dev', progress: false });
    node = await startNode({ basePath: base, dev: false, args: ['--chain', 'dev', '--port', String(await freePort()), '--no-mdns'] });
    api = await connect(node.url);
    codec = new RuntimeCodec((await api.at(await api.rpc.chain.getBlockHash(1))).registry);
  }, 180_000);

  afterAll(async () => {
    await api?.disconnect();
    await node?.stop();
    if (base) removeDir(base);
  });

  it('decodes every extrinsic and event as @polkadot/types does', async () => {
    let extrinsics = 0, events = 0, failed = 0;
    const pallets = new Set<string>();
    for (let n = 1; n <= BLOCKS; n++) {
      const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
      const { registry } = await api.at(hash);
      const body = await api.rpc.chain.getBlock.raw(hash) as unknown as { block: { extrinsics: string[] } };
      const signed = registry.createType('SignedBlock', body) as unknown as SignedBlock;
      signed.block.extrinsics.forEach((ext, i) => {
        const names = ext.method.meta.args.map((a) => a.name.toString());
        expect(codec.extrinsic(body.block.extrinsics[i]), `#${n} extrinsic ${i}`).toEqual({
          hash: ext.hash.toHex(), signer: ext.isSigned ? ext.signer.toString() : null, pallet: ext.method.section, call: ext.method.method,
          args: Object.fromEntries(ext.method.args.map((a, k) => [names[k], a.toPrimitive()])),
        });
        extrinsics++;
      });
      const raw = await api.rpc.state.getStorage.raw(EVENTS_KEY, hash) as unknown as string;
      const records = registry.createType('Vec<EventRecord>', fromHex(raw)) as unknown as EventRecord[];
      const plain = codec.events(fromHex(raw));
      expect(plain.length).toBe(records.length);
      records.forEach(({ phase, event }, i) => {
        const names = event.data.names;
        expect(plain[i], `#${n} event ${i}`).toEqual({
          phase: phase.type, extrinsicIndex: phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null,
          pallet: event.section, name: event.method, args: event.data.map((d) => d.toPrimitive()),
          data: names ? Object.fromEntries(names.map((k, j) => [k, event.data[j].toPrimitive()])) : event.data.map((d) => d.toPrimitive()),
        });
        if (event.section === 'system' && event.method === 'ExtrinsicFailed') {
          expect(codec.errorName(plain[i].args[0])).toBe(dispatchErrorName(registry, event.data[0] as DispatchError).name);
          failed++;
        }
        pallets.add(event.section);
        events++;
      });
    }
    expect(extrinsics).toBeGreaterThan(BLOCKS * 5);
    expect(events).toBeGreaterThan(BLOCKS * 30);
    expect(failed).toBeGreaterThan(0);
    expect([...pallets].sort()).toEqual(expect.arrayContaining(['balances', 'datanets', 'system', 'transactionPayment']));
  }, 120_000);

  it('builds the storage keys of id-keyed maps as @polkadot/types does; other maps are left to it', async () => {
    const at = await api.at(await api.rpc.chain.getBlockHash(1));
    let built = 0, left = 0;
    for (const [section, items] of Object.entries(at.query)) {
      for (const [method, entry] of Object.entries(items as Record<string, any>)) {
        if (!entry.meta.type.isMap) continue;
        const build = codec.storageKey(section, method);
        if (!build) { left++; continue; }
        built++;
        const arity = entry.meta.type.asMap.hashers.length;
        for (const id of [0, 1, 255, 65_536, 4_294_967_295]) {
          const args = Array.from({ length: arity }, (_, i) => String(id + i));
          const ours = (() => { try { return build(arity === 1 ? args[0] : args); } catch { return 'too large'; } })();
          const theirs = (() => { try { return entry.key(...args); } catch { return 'too large'; } })();
          expect([section, method, id, ours]).toEqual([section, method, id, theirs]);
        }
      }
    }
    // the domain pallets' id maps (datanets, contributions, models, inferences, nodes, version contributions) at least
    expect(built).toBeGreaterThanOrEqual(6);
    expect(left).toBeGreaterThan(0); // e.g. System.Account, keyed by an account
    expect(codec.storageKey('system', 'account')).toBeNull();
  });

  it('names what is wrong with malformed input', async () => {
    const hash = (await api.rpc.chain.getBlockHash(BLOCKS)).toHex();
    const raw = fromHex(await api.rpc.state.getStorage.raw(EVENTS_KEY, hash) as unknown as string);
    const body = await api.rpc.chain.getBlock.raw(hash) as unknown as { block: { extrinsics: string[] } };
    const ext = body.block.extrinsics[1];
    // truncated
    expect(() => codec.events(raw.subarray(0, raw.length - 5))).toThrow(/unexpected end of input/);
    expect(() => codec.extrinsic(ext.slice(0, -4))).toThrow(/length prefix/);
    // trailing bytes
    expect(() => codec.events(new Uint8Array([...raw, 0]))).toThrow(/trailing byte/);
    // an event of a pallet that does not exist: the count says 1, phase ApplyExtrinsic(0), pallet 250
    expect(() => codec.events(new Uint8Array([4, 0, 0, 0, 0, 0, 250, 0, 0]))).toThrow(ScaleError);
    expect(() => codec.events(new Uint8Array([4, 0, 0, 0, 0, 0, 250, 0, 0]))).toThrow(/event 0 .*unknown event \[250, 0\]/);
    // an absurd length
    expect(() => codec.events(new Uint8Array([0xfe, 0xff, 0xff, 0xff]))).toThrow(/implausible length/);
    expect(() => codec.extrinsic('0x1234zz')).toThrow(/not a 0x hex string/);
    expect(() => codec.extrinsic('0x0c04fafa')).toThrow(/unknown call \[250, 250\]/);
    expect(codec.events(null)).toEqual([]);
  });
});

describe('Reader', () => {
  const le = (v: bigint, bytes: number) => Uint8Array.from({ length: bytes }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn));
  it('gives integers as toPrimitive does: numbers below 2^52, decimal strings from there', () => {
    for (const [v, want] of [[0n, 0], [2n ** 52n - 1n, 2 ** 52 - 1], [2n ** 52n, '4503599627370496'], [2n ** 64n - 1n, '18446744073709551615']] as const) {
      expect(new Reader(le(v, 8)).uint(8)).toBe(want);
      expect(new Reader(le(v, 16)).uint(16)).toBe(want);
    }
    expect(new Reader(le(2n ** 127n + 5n, 16)).uint(16)).toBe((2n ** 127n + 5n).toString());
    expect(new Reader(le(2n ** 32n - 1n, 4)).uint(4)).toBe(2 ** 32 - 1);
    expect(new Reader(le(2n ** 64n - 1n, 8)).int(8)).toBe(-1);
    expect(new Reader(le(2n ** 63n, 8)).int(8)).toBe('-9223372036854775808');
  });
  it('reads compact integers in all four modes', () => {
    const cases: [number[], number | string][] = [
      [[0], 0], [[0xfc], 63], [[0x01, 0x01], 64], [[0xfd, 0xff], 16383], [[0x02, 0x00, 0x01, 0x00], 16384],
      [[0xfe, 0xff, 0xff, 0xff], 2 ** 30 - 1], [[0x03, 0, 0, 0, 0x40], 2 ** 30], [[0x13, 0, 0, 0, 0, 0, 0, 0x10, 0], 2 ** 52],
    ];
    for (const [bytes, want] of cases) {
      const r = new Reader(Uint8Array.from(bytes));
      expect(r.compact(), bytes.join(',')).toBe(typeof want === 'number' && want >= 2 ** 52 ? String(want) : want);
      expect(r.pos).toBe(bytes.length);
    }
  });
  it('round-trips hex', () => {
    expect(toHex(fromHex('0x00ff10ab'))).toBe('0x00ff10ab');
    expect(() => fromHex('00ff')).toThrow(/not a 0x hex/);
    expect(() => fromHex('0x0')).toThrow(/not a 0x hex/);
  });
});

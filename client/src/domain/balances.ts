// Balances: transfers and free/reserved balance.
import type { ApiPromise } from '@polkadot/api';
import type { TxResult } from '../submit.ts';
import { run, type Ctx, type Tx } from './tx.ts';

/** `keepAlive` (default) refuses to take the sender below the existential deposit. */
export const transferTx = (api: ApiPromise, to: string, amount: bigint, keepAlive = true): Tx =>
  keepAlive ? api.tx.balances.transferKeepAlive(to, amount) : api.tx.balances.transferAllowDeath(to, amount);

export const transfer = (ctx: Ctx, to: string, amount: bigint, keepAlive = true): Promise<TxResult> => run(ctx, transferTx(ctx.api, to, amount, keepAlive));

export async function balanceOf(api: ApiPromise, who: string): Promise<{ free: bigint; reserved: bigint }> {
  const a = await api.query.system.account(who);
  return { free: a.data.free.toBigInt(), reserved: a.data.reserved.toBigInt() };
}

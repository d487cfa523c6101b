// Shared shape of the domain helpers: build a call, submit it, pick the ids out of its events.
import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import { submit, type SubmitOptions, type TxResult } from '../submit.ts';

export type Tx = SubmittableExtrinsic<'promise'>;

/** What every helper needs: the connection, who signs, how long to wait. */
export interface Ctx extends SubmitOptions {
  api: ApiPromise;
  signer: KeyringPair;
}

export const run = (ctx: Ctx, tx: Tx): Promise<TxResult> => submit(ctx.api, tx, ctx.signer, ctx);

export const big = (v: unknown): bigint => BigInt(v as string | number | bigint);

// grandpa_*: round state, finality proofs and justification notifications.
import { toHex } from '@slmnet/runtime-spec';
import type { RpcServer } from '../server.ts';
import { blockNumber, expectParams } from '../params.ts';
import type { ChainApi } from './context.ts';

export interface GrandpaRpc {
  roundState(): unknown;
  /** SCALE FinalityProof for the finalized block at or after `n`, if any. */
  proveFinality(n: number): Uint8Array | undefined;
}

export function registerGrandpa(server: RpcServer, chain: ChainApi, grandpa: GrandpaRpc): void {
  server.register('grandpa_roundState', (params) => { expectParams(params, 0, 0); return grandpa.roundState(); });
  server.register('grandpa_proveFinality', (params) => {
    expectParams(params, 1, 1);
    const proof = grandpa.proveFinality(blockNumber(params[0]));
    return proof ? toHex(proof) : null;
  });
  server.registerSubscription({
    subscribe: 'grandpa_subscribeJustifications', unsubscribe: ['grandpa_unsubscribeJustifications'], notification: 'grandpa_justifications',
    start: (_p, sink) => chain.onJustification((_h, j) => sink.send(toHex(j))),
  });
}

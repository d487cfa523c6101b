// The next nonce of an account: its on-chain nonce, then past every nonce it already has in the pool
// (what Substrate's system_accountNextIndex answers).
import { decodeExtrinsic, equalBytes, T } from '@slmnet/runtime-spec';

export interface NonceSources {
  call(at: Uint8Array, method: string, input: Uint8Array): Uint8Array;
  bestHash(): Uint8Array;
}

export function nextNonce(chain: NonceSources, pending: Iterable<Uint8Array>, who: Uint8Array): number {
  const onChain = T.decodeAll(T.u32, chain.call(chain.bestHash(), 'AccountNonceApi_account_nonce', who));
  const pooled = new Set<number>();
  for (const xt of pending) {
    const s = decodeExtrinsic(xt).signed;
    if (s && (s.address.tag === 'Id' || s.address.tag === 'Address32') && equalBytes(s.address.value, who)) pooled.add(s.nonce);
  }
  let next = onChain;
  while (pooled.has(next)) next++;
  return next;
}

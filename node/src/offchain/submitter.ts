// Signed extrinsics from the node itself (the attestor worker's attestations): built like any
// wallet would — immortal era, nonce past the account's pooled transactions — signed with a
// keystore key, then submitted to the local pool, which gossips them to the authors.
import { additionalSigned, composition, encodeExtra, encodeExtrinsic, runtime, signingPayload } from '@slmnet/runtime-spec';
import type { SignerPair } from '../keystore.ts';
import { nextNonce, type NonceSources } from '../txpool/next-nonce.ts';

export interface SubmitterChain extends NonceSources {
  genesisHash: Uint8Array;
}

export interface SubmitterPool {
  submit(xt: Uint8Array, at: { hash: Uint8Array; number: number }, source?: 'Local' | 'External' | 'InBlock'): Promise<Uint8Array>;
  pendingExtrinsics(): Uint8Array[];
}

type RuntimeCall = Parameters<typeof composition.RuntimeCall.codec.enc>[0];

export class Submitter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly chain: SubmitterChain & { bestBlock(): { hash: Uint8Array; number: number } }, private readonly pool: SubmitterPool, readonly signer: SignerPair) {}

  /** The account the extrinsics are signed by. */
  get account(): Uint8Array { return this.signer.publicKey; }

  /** Signs and submits `call`; one at a time, so consecutive submissions take consecutive nonces. */
  submit(call: RuntimeCall): Promise<Uint8Array> {
    const next = this.queue.then(() => this.submitNow(call));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async submitNow(call: RuntimeCall): Promise<Uint8Array> {
    const callBytes = composition.RuntimeCall.codec.enc(call);
    const nonce = nextNonce(this.chain, this.pool.pendingExtrinsics(), this.account);
    const extra = encodeExtra({ period: 0n, phase: 0n }, nonce, 0n);
    const g = this.chain.genesisHash; // immortal: the era's birth block is genesis
    const additional = additionalSigned(runtime.version.spec_version, runtime.version.transaction_version as number, g, g);
    const signature = this.signer.sign(signingPayload(callBytes, extra, additional));
    const tag = this.signer.scheme === 'sr25519' ? 'Sr25519' : 'Ed25519';
    const xt = encodeExtrinsic(callBytes, { signer: this.account, signature: { tag, value: signature }, extraBytes: extra });
    return this.pool.submit(xt, this.chain.bestBlock(), 'Local');
  }
}

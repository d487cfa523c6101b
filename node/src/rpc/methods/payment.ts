// payment_*: fee queries, answered through the TransactionPaymentApi runtime API.
import { concat, T } from '@slmnet/runtime-spec';
import type { RpcServer } from '../server.ts';
import { expectParams, hexBytes, optHash } from '../params.ts';
import type { ChainApi } from './context.ts';

const RuntimeDispatchInfo = T.tuple(T.compact(T.u64), T.compact(T.u64), T.u8, T.u128);
const FeeDetails = T.tuple(T.option(T.tuple(T.u128, T.u128, T.u128)), T.u128);
const CLASSES = ['normal', 'operational', 'mandatory'];

export function registerPayment(server: RpcServer, chain: ChainApi): void {
  const args = (params: unknown[]) => {
    expectParams(params, 1, 2);
    const xt = hexBytes(params[0], 'extrinsic');
    return { at: optHash(params[1]) ?? chain.bestHash(), input: concat(xt, T.u32.codec.enc(xt.length)) };
  };
  server.register('payment_queryInfo', (params) => {
    const { at, input } = args(params);
    const [refTime, proofSize, cls, fee] = T.decodeAll(RuntimeDispatchInfo, chain.call(at, 'TransactionPaymentApi_query_info', input));
    return { weight: { ref_time: Number(refTime), proof_size: Number(proofSize) }, class: CLASSES[cls], partialFee: fee.toString() };
  });
  server.register('payment_queryFeeDetails', (params) => {
    const { at, input } = args(params);
    const [inclusion] = T.decodeAll(FeeDetails, chain.call(at, 'TransactionPaymentApi_query_fee_details', input));
    const hex = (v: bigint) => '0x' + v.toString(16);
    // polkadot-sdk serializes FeeDetails without the tip (#[serde(skip)])
    return { inclusionFee: inclusion ? { baseFee: hex(inclusion[0]), lenFee: hex(inclusion[1]), adjustedWeightFee: hex(inclusion[2]) } : null };
  });
}

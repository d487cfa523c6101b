// @slmnet/client: connect to SLMnet with typed @polkadot/api bindings; one helper per domain action.
// Browser-safe: file access lives in `@slmnet/client/node`.
import './augment.ts';

export { ApiPromise } from '@polkadot/api';
export type { KeyringPair } from '@polkadot/keyring/types';
export { connect, ConnectionError, type ConnectOptions } from './connect.ts';
export { ChainError, TxRejectedError, chainError, dispatchErrorName } from './errors.ts';
export { submit, submitSigned, eventsOf, eventOf, decodeEvent, type TxResult, type DecodedEvent, type SubmitOptions, type WaitFor } from './submit.ts';
export { parseAmount, formatAmount, AmountError, UNIT, TOKEN_SYMBOL, TOKEN_DECIMALS } from './units.ts';
export { cryptoReady, devAccount, fromUri, fromKeystore, toKeystore, newMnemonic, parseAddress, KeyError, DEV_NAMES, SS58_PREFIX } from './keyring.ts';
export { contentRef, hashOf, bytesOf, type ContentRef } from './content.ts';
export { uploadContent, downloadContent, httpBase, ContentStoreError } from './upload.ts';
export type { Ctx, Tx } from './domain/tx.ts';
export * from './domain/datanets.ts';
export * from './domain/models.ts';
export * from './domain/attribution.ts';
export * from './domain/node-rewards.ts';
export * from './domain/balances.ts';

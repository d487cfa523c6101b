// @slmnet/runtime-spec: the SLMnet state machine, pure and deterministic.
export * from './api-types.ts';
export * as T from './codec/types.ts';
export * as config from './config.ts';
export { cryptoReady, blake2_256, toHex, fromHex, concat, equalBytes, text, verifySr25519, verifyEd25519, forgetVerifiedSignatures } from './crypto.ts';
export { Ext, type Host } from './framework/ext.ts';
export { strKey, keyStr } from './framework/overlay.ts';
export { Header, DigestItem, type Header as HeaderValue } from './primitives.ts';
export { runtime, composition, setKeystoreHost, type KeystoreHost } from './runtime.ts';
// read by the node's content store: the blob size limit, accepted contributions and the events naming them
export { datanets, LIMITS as DATANETS_LIMITS } from './pallets/datanets.ts';
export { system } from './pallets/system.ts';
// read by the node's attestor worker
export { models } from './pallets/models.ts';
export { attribution as attributionPallet, attestors as attestorSet } from './pallets/attribution.ts';
// read by the node's challenge responder
export { nodeRewards, ed25519PeerId, type Challenge } from './pallets/node-rewards.ts';
export { encodeExtrinsic, encodeExtra, decodeExtrinsic, signingPayload, additionalSigned, mortal } from './extrinsic.ts';
export { parseJson, stringifyJson, type GenesisConfig } from './genesis.ts';
export { merkleRoot, leafHash, EMPTY_ROOT, chunksRoot, chunkProof, verifyChunk, CHUNK_SIZE } from './merkle.ts';
export * from './attribution-result.ts';

// Runtime parameters (the Rust runtime's `parameter_types!`). Integers only.
import { WEIGHT_PER_MICROS, WEIGHT_PER_SECOND } from './framework/dispatch.ts';

export const SPEC_NAME = 'slmnet';
export const IMPL_NAME = 'slmnet-node';
export const SPEC_VERSION = 100;
export const TRANSACTION_VERSION = 1;
/** 1: state trie V1, extrinsics root layout V0 (polkadot-sdk templates). */
export const SYSTEM_VERSION = 1;

export const SS58_PREFIX = 42;
export const TOKEN_SYMBOL = 'SLMN';
export const TOKEN_DECIMALS = 12;
export const UNIT = 10n ** 12n;
export const MILLI_UNIT = UNIT / 1000n;
export const MICRO_UNIT = UNIT / 1_000_000n;
export const EXISTENTIAL_DEPOSIT = MILLI_UNIT;

/** Aura slot; Timestamp.MinimumPeriod is half of it. */
export const SLOT_DURATION_MS = 2000n;
export const BLOCK_HASH_COUNT = 2400;

/** Block limits: 1 s of reference time per block, 75 % for normal extrinsics, 5 MiB length. */
export const MAXIMUM_BLOCK_WEIGHT = WEIGHT_PER_SECOND;
export const MAX_PROOF_SIZE = 5n * 1024n * 1024n;
export const NORMAL_DISPATCH_RATIO_PERCENT = 75n;
export const MAXIMUM_BLOCK_LENGTH = 5 * 1024 * 1024;
/** Measured cost of an empty block and of the per-extrinsic checks (sr25519 verification alone is ~320 µs here; see scripts/bench). */
export const BLOCK_EXECUTION_WEIGHT = 5_000n * WEIGHT_PER_MICROS;
export const EXTRINSIC_BASE_WEIGHT = 500n * WEIGHT_PER_MICROS;
/** Storage access costs (RocksDbWeight in polkadot-sdk; ours is LMDB + trie). */
export const DB_READ_WEIGHT = 25n * WEIGHT_PER_MICROS;
export const DB_WRITE_WEIGHT = 100n * WEIGHT_PER_MICROS;

/** Fees: 1 planck per 10^4 ps of weight, 1 µSLMN per byte; no fee multiplier drift (fixed 1.0). */
export const WEIGHT_FEE_DIVISOR = 10_000n;
export const TRANSACTION_BYTE_FEE = MICRO_UNIT;
export const OPERATIONAL_FEE_MULTIPLIER = 5;
export const MAX_BATCHED_CALLS = 10_922;

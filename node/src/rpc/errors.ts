// JSON-RPC error objects and the codes/messages Substrate clients expect.
// Sources: jsonrpsee `types/src/error.rs` (protocol + server-limit codes),
// polkadot-sdk `substrate/client/rpc-api/src/{policy.rs,error.rs,author/error.rs,state/error.rs,chain/error.rs,system/error.rs}`.

/** A JSON-RPC error object; thrown by handlers and sent back verbatim as `{code, message, data?}`. */
export class RpcError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
    this.name = 'RpcError';
  }

  toJSON(): { code: number; message: string; data?: unknown } {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

// --- JSON-RPC 2.0 (messages as jsonrpsee spells them) ---
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
export const PARSE_ERROR_MSG = 'Parse error';
export const INVALID_REQUEST_MSG = 'Invalid request';
export const METHOD_NOT_FOUND_MSG = 'Method not found';
export const INVALID_PARAMS_MSG = 'Invalid params';
export const INTERNAL_ERROR_MSG = 'Internal error';

// --- jsonrpsee server limits (data is always "Exceeded max limit of N") ---
export const TOO_MANY_SUBSCRIPTIONS = -32006;
export const OVERSIZED_REQUEST = -32007;
export const OVERSIZED_RESPONSE = -32008;
export const SERVER_IS_BUSY = -32009;
export const TOO_BIG_BATCH_RESPONSE = -32011;
export const TOO_MANY_SUBSCRIPTIONS_MSG = 'Too many subscriptions on the connection';
export const OVERSIZED_REQUEST_MSG = 'Request is too big';
export const OVERSIZED_RESPONSE_MSG = 'Response is too big';
export const SERVER_IS_BUSY_MSG = 'Server is busy, try again later';
export const TOO_BIG_BATCH_RESPONSE_MSG = 'The batch response was too large';

// --- sc-rpc-api policy.rs: DenyUnsafe maps to MethodNotFound's code with its own message ---
export const UNSAFE_RPC_CALLED = METHOD_NOT_FOUND;
export const UNSAFE_RPC_CALLED_MSG = 'RPC call is unsafe to be called externally';

// --- sc-rpc-api error.rs bases ---
export const AUTHOR_BASE = 1000;
export const SYSTEM_BASE = 2000;
export const CHAIN_BASE = 3000;
export const STATE_BASE = 4000;

// --- author/error.rs ---
export const AUTHOR_BAD_FORMAT = 1001; // "Extrinsic has invalid format: {codec error}"
export const AUTHOR_VERIFICATION_ERROR = 1002; // "Verification Error: {e}", data "{e:?}"
export const POOL_INVALID_TX = 1010; // "Invalid Transaction", data = reason
export const POOL_UNKNOWN_VALIDITY = 1011; // "Unknown Transaction Validity", data = reason
export const POOL_TEMPORARILY_BANNED = 1012; // "Transaction is temporarily banned"
export const POOL_ALREADY_IMPORTED = 1013; // "Transaction Already Imported", data = hash
export const POOL_TOO_LOW_PRIORITY = 1014; // "Priority is too low: ({old} vs {new})"
export const POOL_CYCLE_DETECTED = 1015; // "Cycle Detected"
export const POOL_IMMEDIATELY_DROPPED = 1016; // "Immediately Dropped"
export const POOL_UNACTIONABLE = 1018; // "Unactionable"
export const POOL_NO_TAGS = 1019; // "No tags provided"
export const POOL_INVALID_BLOCK_ID = 1020; // "The provided block ID is not valid"
export const POOL_FUTURE_TX = 1021; // "The pool is not accepting future transactions"
/** Every other author error (bad key type, keystore, session keys…) uses this code with the error's text. */
export const AUTHOR_OTHER = 1040;

export const POOL_INVALID_TX_MSG = 'Invalid Transaction';
export const POOL_UNKNOWN_VALIDITY_MSG = 'Unknown Transaction Validity';
export const POOL_TEMPORARILY_BANNED_MSG = 'Transaction is temporarily banned';
export const POOL_ALREADY_IMPORTED_MSG = 'Transaction Already Imported';
export const POOL_CYCLE_DETECTED_MSG = 'Cycle Detected';
export const POOL_IMMEDIATELY_DROPPED_MSG = 'Immediately Dropped';
export const POOL_IMMEDIATELY_DROPPED_DATA = "The transaction couldn't enter the pool because of the limit";
export const POOL_TOO_LOW_PRIORITY_DATA = 'The transaction has too low priority to replace another transaction already in the pool.';
export const poolTooLowPriorityMsg = (old: bigint | number, next: bigint | number) => `Priority is too low: (${old} vs ${next})`;

// --- system/error.rs ---
export const SYSTEM_NOT_HEALTHY = 2001; // "Node is not fully functional: {health}"
export const SYSTEM_MALFORMATTED_PEER_ARG = 2002;

// --- chain/error.rs ---
export const CHAIN_OTHER = 3001; // message verbatim
export const CHAIN_CLIENT = 3002; // "Client error: {e}"

// --- state/error.rs ---
export const STATE_INVALID_BLOCK_RANGE = 4001; // "Cannot resolve a block range ['{from:?}' ... '{to:?}]. {details}"
export const STATE_INVALID_COUNT = 4002; // "count exceeds maximum value. value: {value}, max: {max}"
/** Client errors ("Client error: …") and, in state_*, the unsafe-call denial too. */
export const STATE_OTHER = 4003;

/** jsonrpsee's helper shape for limit errors. */
export const limitError = (code: number, message: string, limit: number) => new RpcError(code, message, `Exceeded max limit of ${limit}`);

/** -32602 with jsonrpsee's message; the detail goes in `data` like serde's error text does. */
export const invalidParams = (detail?: string) => new RpcError(INVALID_PARAMS, INVALID_PARAMS_MSG, detail);

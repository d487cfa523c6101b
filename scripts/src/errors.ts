// Errors the CLI reports as one line (no stack trace) with a non-zero exit.
import { AmountError, ChainError, ConnectionError, KeyError, TxRejectedError } from '@slmnet/client';

/** Bad input found before anything was sent. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The one line printed for an error; unexpected errors keep their message too (stack with SLMNET_DEBUG=1). */
export function errorLine(e: unknown): string {
  if (e instanceof UserError || e instanceof AmountError || e instanceof KeyError || e instanceof ConnectionError) return `error: ${e.message}`;
  if (e instanceof TxRejectedError) return `error: ${e.message} (nothing was executed)`;
  if (e instanceof ChainError) return `error: ${e.message}`;
  const err = e as Error;
  return `error: ${err?.message ?? String(e)}`;
}

// Request values turned into SQL: accounts in canonical SS58 form and optional equality filters (always bound parameters).
import { parseAddress } from '@slmnet/client';
import { HttpError } from './errors.ts';

/** An account in SLMnet's SS58 form (any SS58 prefix or a 0x account id is accepted). */
export function account(v: string, param: string): string {
  try {
    return parseAddress(v);
  } catch {
    throw new HttpError(400, `"${param}" must be an SS58 address or 0x account id`, param);
  }
}

/** WHERE clause and parameters from optional filters: `column` compares with =, `column op` (e.g. `block_number >=`) with op. */
export function where(filters: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const terms = Object.entries(filters).filter(([, v]) => v !== undefined).map(([col, v]) => { params.push(v); return `${col.includes(' ') ? col : `${col} =`} $${params.length}`; });
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

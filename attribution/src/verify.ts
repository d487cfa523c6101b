// An attestor's check: recompute the attribution and compare with a claimed result.
import { AttributionResult, equalBytes, toHex } from '@slmnet/runtime-spec';
import { attribute, type Attribution, type AttributionOptions } from './attribute.ts';
import { buildIndex, CorpusIndex } from './corpus-index.ts';
import type { CorpusDocument } from './corpus.ts';

export interface Verification {
  ok: boolean;
  /** Why the claim differs (first difference found), absent when ok. */
  reason?: string;
  expected: Attribution;
}

/**
 * Recomputes the attribution of `output` over `corpus` (an index, or the documents themselves)
 * and compares it with `claimed` (a result value or its SCALE encoding).
 */
export function verify(
  claimed: AttributionResult | Uint8Array,
  corpus: CorpusIndex | readonly CorpusDocument[],
  output: Uint8Array | string,
  options: AttributionOptions = {},
): Verification {
  const index = corpus instanceof CorpusIndex ? corpus : buildIndex(corpus);
  const expected = attribute(index, output, options);
  let claim: AttributionResult;
  if (claimed instanceof Uint8Array) {
    try {
      claim = AttributionResult.codec.dec(claimed);
    } catch {
      return { ok: false, reason: 'claimed result is not a SCALE-encoded AttributionResult', expected };
    }
    if (!equalBytes(AttributionResult.codec.enc(claim), claimed)) {
      return { ok: false, reason: 'claimed result has trailing or non-canonical bytes', expected };
    }
  } else {
    claim = claimed;
  }
  const reason = difference(claim, expected.result);
  return reason === undefined ? { ok: true, expected } : { ok: false, reason, expected };
}

function difference(claim: AttributionResult, want: AttributionResult): string | undefined {
  if (claim.algorithm !== want.algorithm) return `algorithm ${claim.algorithm} ≠ ${want.algorithm}`;
  if (!equalBytes(claim.params_hash, want.params_hash)) return `params hash ${toHex(claim.params_hash)} ≠ ${toHex(want.params_hash)}`;
  if (claim.entries.length !== want.entries.length) return `${claim.entries.length} entries ≠ ${want.entries.length}`;
  for (let i = 0; i < want.entries.length; i++) {
    const a = claim.entries[i], b = want.entries[i];
    if (a.contribution !== b.contribution || a.weight_ppm !== b.weight_ppm) {
      return `entry ${i}: (${a.contribution}, ${a.weight_ppm} ppm) ≠ (${b.contribution}, ${b.weight_ppm} ppm)`;
    }
  }
  if (!equalBytes(claim.evidence_root, want.evidence_root)) return `evidence root ${toHex(claim.evidence_root)} ≠ ${toHex(want.evidence_root)}`;
  return undefined;
}

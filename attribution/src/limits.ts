// Documented input limits. Anything over them is refused with an InputError instead of
// exhausting memory or overflowing the 32-bit offsets the index stores.

/** Largest single document (contribution) accepted by the corpus builder. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/**
 * Largest corpus. Positions are int32, the suffix array build needs about 20 B/token at its
 * peak, and the index file (8 B/token) must stay under the 2 GiB that readFileSync can load.
 */
export const MAX_CORPUS_TOKENS = 128 * 1024 * 1024;
/** Most documents in one index. */
export const MAX_DOCUMENTS = 16 * 1024 * 1024;
/** Largest model output that can be attributed (bytes of UTF-8). */
export const MAX_OUTPUT_BYTES = 1024 * 1024;
/** Largest model output that can be attributed (tokens). Bounds the worst case of matching (a verbatim copy of a long document costs about tokens² / 2 comparisons). */
export const MAX_OUTPUT_TOKENS = 16_384;
/** Largest prompt / number of generated tokens for the reference SLM. */
export const MAX_PROMPT_BYTES = 64 * 1024;
export const MAX_GENERATE_TOKENS = 4096;
/** Longest context suffix the ∞-gram model looks at (longer contexts are cut from the left). */
export const MAX_CONTEXT_TOKENS = 512;

/** Bad input (malformed bytes, over a limit, wrong file): the message is meant for the user. */
export class InputError extends Error {
  override name = 'InputError';
}

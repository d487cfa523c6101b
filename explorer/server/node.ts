// The explorer server's live chain data from a node (`--node`): same-origin JSON under /node/… so the browser needs no
// polkadot libraries and the CSP stays strict. One lazy @slmnet/client connection, dropped on disconnect and made again by
// the next request; while the node is unreachable every endpoint answers 503 with a JSON error (the server keeps running).
//
//   GET /node/accounts/:address          balances at the best block, nonce, pending node and contributor rewards, holds
//   GET /node/blocks/:hash/justification the block's justifications (GRANDPA decoded: round, target, precommit signers)
//   GET /node/content/:hash              a preview of content-store bytes: size, whether UTF-8 text, the first 4 KiB
//   GET /node/inferences/:id/text        prompt and output text from the content store, the output's evidence spans per
//                                        attributed contribution (the attestors' algorithm over the model's training set)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { attribute, buildIndex, decodeText, type CorpusIndex } from '@slmnet/attribution';
import { connect, downloadContent, httpBase, parseAddress, type ApiPromise } from '@slmnet/client';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

export const DEFAULT_NODE = 'ws://127.0.0.1:9944';
/** Bytes of a preview; content up to FULL_READ is read whole (and checked against its hash), larger only its start. */
export const PREVIEW_BYTES = 4096;
const FULL_READ = 8 * 1024 * 1024;
/** A training set indexed for spans at most this big (else the attributed contributions alone: spans are then approximate). */
const MAX_INDEX_DOCS = 512;
const MAX_INDEX_BYTES = 32 * 1024 * 1024;
const MAX_CACHED_INDEXES = 4;
const CONNECT_TIMEOUT_MS = 5_000;
/** A request the node does not answer in this long gets a 504 (an inference's index build included). */
const REQUEST_TIMEOUT_MS = 30_000;
const HASH_RE = /^0x[0-9a-fA-F]{64}$/;

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly code: string) { super(message); }
}
const bad = (message: string) => new HttpError(400, message, 'bad_request');
const notFound = (message: string) => new HttpError(404, message, 'not_found');

function parseHash(s: string, what: string): string {
  if (!HASH_RE.test(s)) throw bad(`bad ${what} "${s}": expected a 0x-prefixed 32-byte hex hash`);
  return s.toLowerCase();
}
function parseId(s: string, what: string): bigint {
  if (!/^\d{1,20}$/.test(s) || BigInt(s) >= 1n << 64n) throw bad(`bad ${what} "${s}": expected a non-negative integer`);
  return BigInt(s);
}

const lenientUtf8 = new TextDecoder('utf-8');

/** The bytes as text by the attestors' rule (UTF-8, no binary control bytes: @slmnet/attribution decodeText), or undefined. */
function asText(bytes: Uint8Array): string | undefined {
  try { return decodeText(bytes, 'content'); } catch { return undefined; }
}

export interface NodeData {
  /** Answers a /node/… request (the path without its query). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close(): Promise<void>;
}

export function nodeData(url: string = DEFAULT_NODE): NodeData {
  const http = httpBase(url);
  let api: Promise<ApiPromise> | undefined;
  const indexes = new Map<string, { index: CorpusIndex; complete: boolean }>();

  const unavailable = (e: unknown) => new HttpError(503, `cannot reach the node at ${url}: ${(e as Error).message.replace(/^cannot reach node at \S+:?\s*/, '') || 'connection failed'}`, 'node_unavailable');

  /** The connection, made on first use and again after a drop or a failed attempt. */
  function getApi(): Promise<ApiPromise> {
    if (!api) {
      // the RPC port serves both: @polkadot/api wants the WebSocket form
      const p = connect(url.replace(/^http(s?):/, 'ws$1:'), { timeoutMs: CONNECT_TIMEOUT_MS }).then((a) => {
        const drop = () => { if (api === p) api = undefined; void a.disconnect().catch(() => undefined); };
        a.on('disconnected', drop);
        a.on('error', drop);
        return a;
      });
      api = p;
      p.catch(() => { if (api === p) api = undefined; });
    }
    return api.catch((e) => { throw unavailable(e); });
  }

  /** Bytes from the node's content store (verified against the hash); undefined when it does not have them. */
  async function content(hash: string): Promise<Uint8Array | undefined> {
    try {
      return await downloadContent(url, hash);
    } catch (e) {
      if ((e as { status?: number }).status === 0 || (e as Error).name === 'TypeError') throw unavailable(e);
      throw e;
    }
  }

  /** The first PREVIEW_BYTES of a blob and its size; whole (hash-checked) when not larger than FULL_READ. */
  async function preview(hash: string) {
    let res: Response;
    try { res = await fetch(`${http}/content/${hash}`); } catch (e) { throw unavailable(e); }
    if (res.status === 404) { await res.body?.cancel(); throw notFound(`content ${hash} is not in the node's content store`); }
    if (!res.ok) { await res.body?.cancel(); throw new HttpError(502, `the node's content store answered ${res.status}`, 'bad_gateway'); }
    const size = Number(res.headers.get('content-length') ?? NaN);
    let bytes: Uint8Array;
    let complete: boolean;
    if (Number.isFinite(size) && size > FULL_READ) {
      // only the start: read until the preview is full, then drop the connection's body
      const reader = res.body!.getReader();
      const parts: Uint8Array[] = [];
      let n = 0;
      while (n < PREVIEW_BYTES) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        n += value.length;
      }
      await reader.cancel();
      bytes = Buffer.concat(parts).subarray(0, PREVIEW_BYTES);
      complete = false;
    } else {
      bytes = new Uint8Array(await res.arrayBuffer());
      if (blake2AsHex(bytes, 256) !== hash) throw new HttpError(502, `the bytes the node served for ${hash} do not match the hash`, 'bad_gateway');
      complete = true;
    }
    const head = bytes.subarray(0, PREVIEW_BYTES);
    // a text check of the whole when we have it, else of the preview with a cut multi-byte character at its end forgiven
    const text = complete ? asText(bytes) !== undefined : asText(head) !== undefined || asText(head.subarray(0, Math.max(0, head.length - 3))) !== undefined;
    const shown = text ? lenientUtf8.decode(head).replace(/\uFFFD+$/, '') : undefined;
    return {
      hash, size: Number.isFinite(size) ? size : bytes.length, verified: complete, text,
      preview: shown ?? null, previewHex: text ? null : u8aToHex(head.subarray(0, 256)), truncated: (Number.isFinite(size) ? size : bytes.length) > head.length,
    };
  }

  async function account(address: string) {
    let who: string;
    try { who = parseAddress(address); } catch { throw bad(`bad address "${address}": expected an SS58 address or 0x account id`); }
    const a = await getApi();
    const head = await a.rpc.chain.getHeader();
    const at = await a.at(head.hash);
    const [info, pendingNode, pendingContributor, holds] = await Promise.all([
      at.query.system.account(who), at.query.nodeRewards.pendingRewards(who), at.query.models.pendingRewards(who), at.query.balances.holds(who),
    ]);
    return {
      address: who, block: { number: head.number.toNumber(), hash: head.hash.toHex() },
      nonce: info.nonce.toNumber(), free: info.data.free.toString(), reserved: info.data.reserved.toString(), frozen: info.data.frozen.toString(),
      pendingNodeRewards: pendingNode.toString(), pendingContributorRewards: pendingContributor.toString(),
      holds: holds.map((h) => ({ reason: holdReason(h.id.toJSON()), amount: h.amount.toString() })),
    };
  }

  async function justification(hashParam: string) {
    const hash = parseHash(hashParam, 'block hash');
    const a = await getApi();
    const signed = await a.rpc.chain.getBlock(hash).catch((e: Error) => {
      if (/not found|unknown block|null|unable to retrieve header/i.test(e.message)) return undefined;
      throw e;
    });
    if (!signed || signed.isEmpty) throw notFound(`block ${hash} is not known to the node`);
    const number = signed.block.header.number.toNumber();
    const finalizedHash = await a.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await a.rpc.chain.getHeader(finalizedHash)).number.toNumber();
    const canonical = (await a.rpc.chain.getBlockHash(number)).toHex() === hash;
    const justifications = (signed.justifications.isSome ? [...signed.justifications.unwrap()] : []).map(([engine, data]) => {
      const id = engine.toString();
      const raw = data.toHex();
      if (id !== 'FRNK') return { engine: id, raw };
      try {
        const j = a.createType('GrandpaJustification', data.toU8a(true));
        return {
          engine: id, raw, round: j.round.toString(),
          target: { hash: j.commit.targetHash.toHex(), number: j.commit.targetNumber.toNumber() },
          precommits: j.commit.precommits.map((p) => ({
            authority: p.id.toHex(), address: encodeAddress(p.id.toU8a(), a.registry.chainSS58 ?? 42),
            target: { hash: p.precommit.targetHash.toHex(), number: p.precommit.targetNumber.toNumber() }, signature: p.signature.toHex(),
          })),
          votesAncestries: j.votesAncestries.length,
        };
      } catch (e) {
        return { engine: id, raw, error: `cannot decode the GRANDPA justification: ${(e as Error).message}` };
      }
    });
    return { hash, number, finalized: canonical && number <= finalizedNumber, canonical, finalizedNumber, justifications };
  }

  /** The model's index: its whole training set when small enough (the attestors' corpus), else the given contributions. */
  async function indexFor(a: ApiPromise, model: number, attributed: bigint[]): Promise<{ index: CorpusIndex; complete: boolean; missing: number } | undefined> {
    const cached = indexes.get(`m${model}`);
    if (cached) return { ...cached, missing: 0 };
    const training = (await a.query.models.trainingContributions(model)).map((t) => t.contribution.toBigInt());
    const infos = await a.query.datanets.contributions.multi(training);
    const bytes = infos.reduce((s, c) => s + (c.isSome ? c.unwrap().size_.toNumber() : 0), 0);
    const whole = training.length <= MAX_INDEX_DOCS && bytes <= MAX_INDEX_BYTES;
    const ids = whole ? training : attributed;
    const hashes = whole ? infos.map((c) => (c.isSome ? c.unwrap().contentHash.toHex() : undefined))
      : (await a.query.datanets.contributions.multi(attributed)).map((c) => (c.isSome ? c.unwrap().contentHash.toHex() : undefined));
    const docs: { id: bigint; content: Uint8Array }[] = [];
    let missing = 0;
    for (let i = 0; i < ids.length; i++) {
      const b = hashes[i] ? await content(hashes[i]!) : undefined;
      if (b) docs.push({ id: ids[i], content: b }); else missing++;
    }
    if (docs.length === 0) return undefined;
    const index = buildIndex(docs);
    const complete = whole && missing === 0;
    if (complete) {
      if (indexes.size >= MAX_CACHED_INDEXES) indexes.delete(indexes.keys().next().value!);
      indexes.set(`m${model}`, { index, complete });
    }
    return { index, complete, missing };
  }

  async function inferenceText(idParam: string) {
    const id = parseId(idParam, 'inference id');
    const a = await getApi();
    const opt = await a.query.models.inferences(id);
    if (opt.isNone) throw notFound(`inference #${id} does not exist`);
    const inf = opt.unwrap();
    const inputHash = inf.inputHash.toHex();
    const outputHash = inf.outputHash.isSome ? inf.outputHash.unwrap().toHex() : null;
    const final = await a.query.attribution.results(id);
    const result = final.isSome ? final.unwrap() : undefined;
    const entries = (result?.entries_ ?? []).map((e) => ({ contribution: e.contribution.toString(), weightPpm: e.weightPpm.toNumber() }));
    const [promptBytes, outputBytes] = await Promise.all([content(inputHash), outputHash ? content(outputHash) : undefined]);
    const prompt = promptBytes ? asText(promptBytes) ?? null : null;
    const output = outputBytes ? asText(outputBytes) ?? null : null;
    let spans: { start: number; end: number; text: string; contributions: string[] }[] = [];
    let attribution: { exact: boolean; matchesChain: boolean | null; note?: string } | null = null;
    if (output !== null && entries.length > 0) {
      const built = await indexFor(a, inf.model.toNumber(), entries.map((e) => BigInt(e.contribution)));
      if (!built) attribution = { exact: false, matchesChain: null, note: 'the attributed contributions are not in the content store' };
      else {
        const r = attribute(built.index, output);
        const attributedIds = new Set(entries.map((e) => e.contribution));
        spans = r.spans.map((s) => ({ start: s.start, end: s.end, text: output.slice(s.start, s.end), contributions: s.contributions.map(String).filter((c) => attributedIds.has(c)) }))
          .filter((s) => s.contributions.length > 0);
        const chainHash = result?.resultHash.isSome ? result.resultHash.unwrap().toHex() : null;
        attribution = {
          exact: built.complete, matchesChain: built.complete && chainHash ? u8aToHex(r.resultHash) === chainHash : null,
          ...(built.complete ? {} : { note: built.missing ? `${built.missing} training contribution(s) are not in the content store: spans are approximate` : 'large training set: spans over the attributed contributions only' }),
        };
      }
    }
    return {
      id: id.toString(), model: inf.model.toNumber(), status: inf.status.type, inputHash, outputHash,
      prompt, promptAvailable: promptBytes !== undefined, output, outputAvailable: outputBytes !== undefined, entries, spans, attribution,
    };
  }

  const routes: [RegExp, (m: RegExpExecArray) => Promise<unknown>][] = [
    [/^\/node\/accounts\/([^/]+)$/, (m) => account(m[1])],
    [/^\/node\/blocks\/([^/]+)\/justification$/, (m) => justification(m[1])],
    [/^\/node\/content\/([^/]+)$/, (m) => preview(parseHash(m[1], 'content hash'))],
    [/^\/node\/inferences\/([^/]+)\/text$/, (m) => inferenceText(m[1])],
  ];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  return {
    async handle(_req, res, path) {
      for (const [re, run] of routes) {
        const m = re.exec(path);
        if (!m) continue;
        let timer: NodeJS.Timeout | undefined;
        try {
          const timeout = new Promise<never>((_, fail) => { timer = setTimeout(() => fail(new HttpError(504, `the node at ${url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`, 'node_timeout')), REQUEST_TIMEOUT_MS); });
          send(res, 200, await Promise.race([run(m), timeout]));
        } catch (e) {
          const err = e instanceof HttpError ? e
            // the connection dropped mid-request: the node is gone (the next request reconnects)
            : /disconnect|not connected|socket|ECONNREFUSED|fetch failed/i.test((e as Error).message) ? unavailable(e)
            : new HttpError(502, `the node failed: ${(e as Error).message}`, 'node_error');
          send(res, err.status, { error: { code: err.code, message: err.message } });
        } finally {
          clearTimeout(timer);
        }
        return;
      }
      send(res, 404, { error: { code: 'not_found', message: `no such endpoint ${path}: /node/accounts/:address, /node/blocks/:hash/justification, /node/content/:hash, /node/inferences/:id/text` } });
    },
    async close() {
      const p = api;
      api = undefined;
      await p?.then((a) => a.disconnect()).catch(() => undefined);
    },
  };
}

/** A RuntimeHoldReason as JSON ({"Datanets": "ContributionDeposit"}) → "Datanets.ContributionDeposit". */
function holdReason(id: unknown): string {
  if (id && typeof id === 'object') {
    const [k, v] = Object.entries(id)[0] ?? [];
    return k === undefined ? '?' : `${k[0].toUpperCase()}${k.slice(1)}${v === null || v === undefined ? '' : '.' + holdReason(v)}`;
  }
  return String(id);
}

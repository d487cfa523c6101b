// Substrate-style logging (sc-tracing) and the informant (sc-informant).
//
// Line formats, as sc-tracing prints them (no colours: logs are grepped):
//   info-only filters:  `2024-05-01 12:00:00 ✨ Imported #12 (0xabcd…1234)`
//   any debug/trace:    `2024-05-01 12:00:00.123  INFO tokio-runtime-worker substrate: ✨ Imported #12 (0xabcd…1234)`
// Filters follow `-l/--log` (and RUST_LOG): comma-separated `target=level` or a
// bare `level` for the default; a directive applies to its target and to
// `target::sub` targets, the longest match wins; default `info`.

export type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';
const RANK: Record<Level | 'off', number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
const LEVEL_TEXT: Record<Level, string> = { error: 'ERROR', warn: ' WARN', info: ' INFO', debug: 'DEBUG', trace: 'TRACE' };

export interface Directive { target: string; rank: number }
export interface Filter { defaultRank: number; directives: Directive[] }

export class LogConfigError extends Error {}

function parseLevel(s: string, where: string): number {
  const l = s.trim().toLowerCase();
  if (l in RANK) return RANK[l as Level];
  throw new LogConfigError(`invalid log level "${s}" in "${where}": use error, warn, info, debug, trace or off`);
}

/** Parses `-l` values (each may hold several comma-separated directives). */
export function parseDirectives(values: string[] | string | undefined, base?: Filter): Filter {
  const filter: Filter = base ? { defaultRank: base.defaultRank, directives: [...base.directives] } : { defaultRank: RANK.info, directives: [] };
  const list = (Array.isArray(values) ? values : values ? [values] : []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const d of list) {
    const eq = d.indexOf('=');
    if (eq < 0) {
      if (d.toLowerCase() in RANK) filter.defaultRank = parseLevel(d, d);
      else setDirective(filter, d, RANK.trace); // a bare target enables everything for it, as EnvFilter does
      continue;
    }
    const target = d.slice(0, eq).trim();
    const rank = parseLevel(d.slice(eq + 1), d);
    if (!target) filter.defaultRank = rank;
    else setDirective(filter, target, rank);
  }
  return filter;
}

function setDirective(f: Filter, target: string, rank: number): void {
  const i = f.directives.findIndex((d) => d.target === target);
  if (i >= 0) f.directives[i] = { target, rank };
  else f.directives.push({ target, rank });
  f.directives.sort((a, b) => b.target.length - a.target.length);
}

function rankFor(f: Filter, target: string): number {
  for (const d of f.directives) {
    if (target === d.target || target.startsWith(d.target + '::') || target.startsWith(d.target + '-')) return d.rank;
  }
  return f.defaultRank;
}

const maxRank = (f: Filter): number => Math.max(f.defaultRank, ...f.directives.map((d) => d.rank));

export interface LogOptions {
  /** `-l/--log` values. RUST_LOG (if set) is applied first, as in Substrate. */
  directives?: string[] | string;
  /** Show level, thread and target (Substrate turns this on when any filter is above info). */
  detailed?: boolean;
  /** Prefix inserted before every message (Substrate's `[Parachain] ` style), e.g. `[alice] `. */
  prefix?: string;
  /** Output sink; defaults to stderr. */
  write?: (line: string) => void;
  /** Clock (tests). */
  now?: () => Date;
}

interface State {
  filter: Filter;
  detailed: boolean;
  prefix: string;
  write: (line: string) => void;
  now: () => Date;
}

const defaultWrite = (line: string): void => { process.stderr.write(line); };
let state: State = { filter: parseDirectives(process.env.RUST_LOG), detailed: false, prefix: '', write: defaultWrite, now: () => new Date() };
state.detailed = maxRank(state.filter) > RANK.info;

/** Installs the global log configuration (call once at startup; tests may call again). Throws LogConfigError on bad directives. */
export function configureLogging(o: LogOptions = {}): void {
  let filter = parseDirectives(process.env.RUST_LOG);
  filter = parseDirectives(o.directives, filter);
  state = {
    filter,
    detailed: Boolean(o.detailed) || maxRank(filter) > RANK.info,
    prefix: o.prefix ?? '',
    write: o.write ?? defaultWrite,
    now: o.now ?? (() => new Date()),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');
/** Local time `YYYY-MM-DD HH:MM:SS[.mmm]`. */
export function formatTime(d: Date, fractional: boolean): string {
  const s = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
  return fractional ? `${s}.${String(d.getMilliseconds()).padStart(3, '0')}` : s;
}

/** Removes terminal control codes, as sc-tracing does for plain output. */
// eslint-disable-next-line no-control-regex
const CONTROL = /\x1b\[[^m]+m|[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function formatLine(level: Level, target: string, msg: string, now: Date, detailed: boolean, prefix = ''): string {
  const body = (prefix + msg).replace(CONTROL, '');
  if (!detailed) return `${formatTime(now, false)} ${body}\n`;
  return `${formatTime(now, true)} ${LEVEL_TEXT[level]} tokio-runtime-worker ${target}: ${body}\n`;
}

export type Msg = string | (() => string);

export class Logger {
  constructor(readonly target: string) {}

  enabled(level: Level): boolean { return RANK[level] <= rankFor(state.filter, this.target); }

  log(level: Level, msg: Msg): void {
    if (!this.enabled(level)) return;
    const text = typeof msg === 'function' ? msg() : msg;
    try {
      state.write(formatLine(level, this.target, text, state.now(), state.detailed, state.prefix));
    } catch { /* a closed stderr must not take the node down */ }
  }

  error(msg: Msg): void { this.log('error', msg); }
  warn(msg: Msg): void { this.log('warn', msg); }
  info(msg: Msg): void { this.log('info', msg); }
  debug(msg: Msg): void { this.log('debug', msg); }
  trace(msg: Msg): void { this.log('trace', msg); }
}

const loggers = new Map<string, Logger>();
/** Logger for `target` (Substrate targets: substrate, aura, slots, basic-authorship, grandpa, sync, txpool, rpc, runtime, db…). */
export function logger(target: string): Logger {
  let l = loggers.get(target);
  if (!l) { l = new Logger(target); loggers.set(target, l); }
  return l;
}

// ---- hash display ------------------------------------------------------------

const toHexStr = (h: Uint8Array | string): string =>
  typeof h === 'string' ? (h.startsWith('0x') ? h.slice(2) : h).toLowerCase() : Buffer.from(h.buffer, h.byteOffset, h.byteLength).toString('hex');

/** Full 0x-hex. */
export const fullHash = (h: Uint8Array | string): string => '0x' + toHexStr(h);
/** H256 Display as Substrate prints it: `0xabcd…1234`. */
export const shortHash = (h: Uint8Array | string): string => {
  const s = toHexStr(h);
  return s.length <= 8 ? '0x' + s : `0x${s.slice(0, 4)}…${s.slice(-4)}`;
};
/** sc-informant prints full hashes when `substrate` is at debug. */
const infoHash = (h: Uint8Array | string): string => (logger('substrate').enabled('debug') ? fullHash(h) : shortHash(h));

// ---- informant -------------------------------------------------------------------

export interface BlockRef { number: number; hash: Uint8Array }
export interface HeaderLike { number: number; parent_hash: Uint8Array }

/** What the informant reads from the chain client. */
export interface InformantSource {
  bestBlock(): BlockRef;
  finalizedBlock(): BlockRef;
  onImported(cb: (hash: Uint8Array, header: HeaderLike, isBest: boolean) => void): () => void;
  /** Lowest common ancestor, for reorg lines (optional). */
  commonAncestor?(a: Uint8Array, b: Uint8Array): BlockRef | undefined;
}

export interface NetworkStatus {
  peers(): number;
  /** Total bytes received / sent so far (for the ⬇ ⬆ rates). */
  totalBytes?(): { inbound: number; outbound: number };
  /** Sync target when syncing (shows "Syncing"), undefined when idle. */
  syncTarget?(): number | undefined;
}

/** sc-informant's TransferRateFormat. */
export function transferRate(bytesPerSec: number): string {
  if (bytesPerSec === 0) return '0';
  if (bytesPerSec < 100) return `${bytesPerSec} B/s`;
  if (bytesPerSec < 1024 * 1024) return `${(bytesPerSec / 1024).toFixed(1)}kiB/s`;
  return `${(bytesPerSec / (1024 * 1024)).toFixed(1)}MiB/s`;
}

/**
 * Prints `✨ Imported #N (0x…)` for every imported block (and `♻️  Reorg on …`),
 * and every `intervalMs` the status line
 * `💤 Idle (0 peers), best: #12 (0x1234…abcd), finalized #10 (0x…), ⬇ 0 ⬆ 0`.
 */
export class Informant {
  private timer?: NodeJS.Timeout;
  private unsub?: () => void;
  private lastBest: BlockRef;
  private lastTick = Date.now();
  private lastNumber?: number;
  private lastBytes = { inbound: 0, outbound: 0 };
  private readonly seen: string[] = [];
  private readonly log = logger('substrate');

  constructor(private readonly chain: InformantSource, private readonly net: NetworkStatus = { peers: () => 0 }) {
    this.lastBest = chain.bestBlock();
  }

  start(intervalMs = 5000): this {
    this.unsub = this.chain.onImported((hash, header, isBest) => this.imported(hash, header, isBest));
    this.timer = setInterval(() => this.display(), intervalMs);
    this.timer.unref?.();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsub?.();
    this.timer = undefined;
    this.unsub = undefined;
  }

  imported(hash: Uint8Array, header: HeaderLike, isBest: boolean): void {
    const last = this.lastBest;
    if (isBest && Buffer.compare(header.parent_hash, last.hash) !== 0 && this.chain.commonAncestor) {
      const anc = this.chain.commonAncestor(last.hash, hash);
      if (anc && Buffer.compare(anc.hash, last.hash) !== 0) {
        this.log.info(`♻️  Reorg on #${last.number},${infoHash(last.hash)} to #${header.number},${infoHash(hash)}, common ancestor #${anc.number},${infoHash(anc.hash)}`);
      }
    }
    if (isBest) this.lastBest = { number: header.number, hash };
    const key = toHexStr(hash);
    if (this.seen.includes(key)) return;
    this.seen.push(key);
    if (this.seen.length > 100) this.seen.shift();
    this.log.info(`✨ Imported #${header.number} (${infoHash(hash)})`);
  }

  /** One status line (called by the timer; public for tests). */
  display(): string {
    const best = this.chain.bestBlock();
    const fin = this.chain.finalizedBlock();
    const now = Date.now();
    const elapsedMs = Math.max(1, now - this.lastTick);
    const bytes = this.net.totalBytes?.() ?? { inbound: 0, outbound: 0 };
    const secs = Math.floor(elapsedMs / 1000);
    const rate = (d: number) => (secs > 0 ? Math.floor(d / secs) : d);
    const inRate = rate(bytes.inbound - this.lastBytes.inbound);
    const outRate = rate(bytes.outbound - this.lastBytes.outbound);
    if (secs > 0) this.lastBytes = bytes;
    const target = this.net.syncTarget?.();
    let status = '💤 Idle';
    let targetText = '';
    if (target !== undefined && target > best.number) {
      const bps = this.lastNumber === undefined ? '' : ` ${(Math.floor(((best.number - this.lastNumber) * 10_000) / elapsedMs) / 10).toFixed(1).padStart(4)} bps`;
      status = `⚙️  Syncing${bps}`;
      targetText = `, target=#${target}`;
    }
    this.lastTick = now;
    this.lastNumber = best.number;
    const line = `${status}${targetText} (${this.net.peers()} peers), best: #${best.number} (${infoHash(best.hash)}), finalized #${fin.number} (${infoHash(fin.hash)}), ⬇ ${transferRate(inRate)} ⬆ ${transferRate(outRate)}`;
    this.log.info(line);
    return line;
  }
}

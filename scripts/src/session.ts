// One CLI invocation: global options, the connection, the signer, submitting with progress, printing results.
import type { ApiPromise, KeyringPair, Tx, TxResult, WaitFor } from '@slmnet/client';
import { connect, cryptoReady, formatAmount, fromUri, submit } from '@slmnet/client';
import { readKeyfile } from '@slmnet/client/node';
import { UserError } from './errors.ts';

export interface GlobalOptions {
  url: string;
  suri?: string;
  keyfile?: string;
  password?: string;
  json?: boolean;
  wait: string;
  quiet?: boolean;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** JSON with bigints as strings and byte arrays as hex. */
export function toJson(v: unknown, indent = 2): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? `0x${Buffer.from(x).toString('hex')}` : x), indent);
}

export class Session {
  private apiP?: Promise<ApiPromise>;
  private signerV?: KeyringPair;
  readonly wait: WaitFor;

  constructor(readonly opts: GlobalOptions, readonly io: Io) {
    const w = String(opts.wait).toLowerCase();
    if (w !== 'inblock' && w !== 'finalized') throw new UserError(`bad --wait "${opts.wait}": expected inblock or finalized`);
    this.wait = w;
  }

  get json(): boolean {
    return !!this.opts.json;
  }

  /** Progress for humans, on stderr so stdout stays parseable. */
  progress(msg: string): void {
    if (!this.opts.quiet && !this.opts.json) this.io.err(msg);
  }

  api(): Promise<ApiPromise> {
    this.apiP ??= (async () => {
      this.progress(`connecting to ${this.opts.url}…`);
      return connect(this.opts.url, { timeoutMs: 8_000 });
    })();
    return this.apiP;
  }

  /** The signing account from --suri, --keyfile (+ --password) or $SLMNET_SURI; resolved before connecting, so bad keys send nothing. */
  async signer(): Promise<KeyringPair> {
    if (this.signerV) return this.signerV;
    await cryptoReady();
    const suri = this.opts.suri ?? process.env.SLMNET_SURI;
    if (this.opts.keyfile) {
      const password = this.opts.password ?? process.env.SLMNET_PASSWORD;
      if (password === undefined) throw new UserError('--keyfile needs --password (or $SLMNET_PASSWORD)');
      this.signerV = readKeyfile(this.opts.keyfile, password);
    } else if (suri) {
      this.signerV = fromUri(suri);
    } else {
      throw new UserError('no signer: give --suri (e.g. //Alice or a mnemonic) or --keyfile with --password');
    }
    return this.signerV;
  }

  /**
   * Checks the signer can pay the fee (plus `needs`, e.g. an amount or a deposit), then signs,
   * submits and waits. Nothing is sent when the check fails.
   */
  async send(tx: Tx, needs = 0n): Promise<TxResult> {
    const signer = await this.signer();
    const api = await this.api();
    const call = `${tx.method.section}.${tx.method.method}`;
    const [info, account] = await Promise.all([tx.paymentInfo(signer), api.query.system.account(signer.address)]);
    const fee = info.partialFee.toBigInt();
    const free = account.data.free.toBigInt();
    if (free < fee + needs) {
      throw new UserError(`insufficient funds: ${signer.address} has ${formatAmount(free)} free, ${call} needs ${formatAmount(fee + needs)}${needs ? ` (${formatAmount(needs)} + fee)` : ' (fee)'}`);
    }
    this.progress(`signing ${call} as ${signer.address} (fee ≈ ${formatAmount(fee)})`);
    return submit(api, tx, signer, { wait: this.wait, onStatus: (s) => this.progress(`  ${s}`) });
  }

  /** Prints a transaction's outcome: JSON (everything) or the summary fields and events. */
  printTx(r: TxResult, summary: Record<string, unknown> = {}): void {
    if (this.json) {
      this.io.out(toJson({ ...summary, call: r.call, txHash: r.txHash, blockHash: r.blockHash, blockNumber: r.blockNumber, finalized: r.finalized, events: r.events }));
      return;
    }
    this.io.out(`✓ ${r.call} in block #${r.blockNumber ?? '?'} ${r.blockHash}${r.finalized ? ' (finalized)' : ''}`);
    for (const [k, v] of Object.entries(summary)) this.io.out(`  ${k}: ${typeof v === 'object' ? toJson(v, 0) : String(v)}`);
    for (const e of r.events) {
      if (e.section === 'system' || e.section === 'transactionPayment' || (e.section === 'balances' && (e.method === 'Withdraw' || e.method === 'BurnedDebt' || e.method === 'Deposit'))) continue;
      this.io.out(`  event ${e.section}.${e.method} ${toJson(e.data, 0)}`);
    }
  }

  /** Prints a value: JSON always for --json, else JSON indented (values are already plain). */
  print(v: unknown): void {
    this.io.out(this.json ? toJson(v) : typeof v === 'string' ? v : toJson(v));
  }

  async close(): Promise<void> {
    if (!this.apiP) return;
    const api = await this.apiP.catch(() => undefined);
    await api?.disconnect().catch(() => undefined);
  }
}

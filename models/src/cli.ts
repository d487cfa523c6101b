// `slmnet-model-server`: serves paid completions of registered reference-SLM models over HTTP.
import { Command, InvalidArgumentError } from 'commander';
import { connect, cryptoReady, fromUri, type KeyringPair } from '@slmnet/client';
import { readKeyfile } from '@slmnet/client/node';
import { ModelServer } from './server.ts';

const HELP = `
The operator key signs Models.submit_output: its account must be an operator (or the developer)
of every served model, and pays the transactions' fees. Use a key of your own; dev keys such as
//Ferdie are for local chains only. $SLMNET_SURI and $SLMNET_PASSWORD work too.

HTTP API (JSON; errors are {"error":{"message","type","param","code"}}):
  POST /v1/completions  {"model":"0","prompt":"…","max_tokens":64,"inference":"12"}   pay first with
                        Models.request_inference(model, blake2-256(prompt), max_fee), or pass
                        "signed_request": "0x…" (that extrinsic, signed) for the server to submit;
                        "wait":"settled" answers once the fee is split, with the attribution
  POST /v1/quote        {"model","prompt","max_tokens"} → input_hash, max_fee and the call to sign
  GET  /v1/inferences/:id[?wait=settled]   GET /v1/models   GET /health

Example: slmnet-model-server --suri "//Ferdie" --port 8080`;

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free one)');
  return n;
};

const modelIds = (v: string) => {
  const ids = v.split(',').map((s) => s.trim());
  if (ids.some((s) => !/^\d+$/.test(s) || Number(s) > 0xffff_ffff)) throw new InvalidArgumentError('must be model ids separated by commas, e.g. 0,3');
  return [...new Set(ids.map(Number))];
};

interface Options { url: string; suri?: string; keyfile?: string; password?: string; models?: number[]; host: string; port: number }

function operatorKey(o: Options): KeyringPair {
  if (o.keyfile) {
    const password = o.password ?? process.env.SLMNET_PASSWORD;
    if (password === undefined) throw new Error('--keyfile needs --password (or $SLMNET_PASSWORD)');
    return readKeyfile(o.keyfile, password);
  }
  const suri = o.suri ?? process.env.SLMNET_SURI;
  if (!suri) throw new Error('no operator key: give --suri (a mnemonic, 0x seed or //Name) or --keyfile with --password');
  return fromUri(suri);
}

export async function main(argv: string[]): Promise<void> {
  const o = new Command('slmnet-model-server')
    .description('Serve paid completions of SLMnet reference-SLM (infini-gram-v1) models: OpenAI-style HTTP API, payment and attribution on chain.')
    .option('--url <ws-url>', 'node RPC endpoint (its content store holds the training data and receives the outputs)', 'ws://127.0.0.1:9944')
    .option('--suri <suri>', 'operator secret URI: mnemonic, 0x seed or //Name (required unless --keyfile)')
    .option('--keyfile <file>', 'operator JSON keystore file (needs --password)')
    .option('--password <password>', 'password of --keyfile')
    .option('--models <ids>', 'comma-separated model ids to serve (default: every Active reference-SLM model the operator serves, following changes on chain)', modelIds)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'HTTP port (0 picks a free one)', port, 8080)
    .addHelpText('after', HELP)
    .showHelpAfterError()
    .parse(argv, { from: 'user' })
    .opts<Options>();
  try {
    await cryptoReady();
    const operator = operatorKey(o);
    const api = await connect(o.url);
    let server: ModelServer;
    try {
      server = await ModelServer.start({ api, nodeUrl: o.url, operator, models: o.models, host: o.host, port: o.port });
    } catch (e) {
      await api.disconnect();
      const code = (e as NodeJS.ErrnoException).code;
      throw code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' ? new Error(`cannot listen on ${o.host}:${o.port}: ${code}`) : e;
    }
    const models = server.models;
    console.log(`SLMnet model server on ${server.url} (node ${o.url}, operator ${operator.address}), serving ${models.length ? `model(s) ${models.join(', ')}` : 'no model yet'}`);
    const stop = async () => {
      await server.stop();
      await api.disconnect().catch(() => undefined);
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
}

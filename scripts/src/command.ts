// Wiring between commander and a Session: every action gets a Session and reports errors as one line.
import type { Command } from 'commander';
import { errorLine } from './errors.ts';
import { Session, type GlobalOptions, type Io } from './session.ts';

export interface CliState {
  io: Io;
  code: number;
}

/** Wraps an action: builds the Session from the global options, prints one error line and sets exit code 1 on failure. */
export function action<A extends unknown[]>(state: CliState, fn: (s: Session, ...args: A) => Promise<void>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    let s: Session | undefined;
    try {
      s = new Session(cmd.optsWithGlobals() as GlobalOptions, state.io);
      await fn(s, ...(args.slice(0, -1) as A));
    } catch (e) {
      state.io.err(errorLine(e));
      if (process.env.SLMNET_DEBUG) state.io.err(String((e as Error)?.stack));
      state.code = 1;
    } finally {
      await s?.close();
    }
  };
}

/** Options of a command (not the global ones) with their declared types. */
export const optsOf = <T>(cmd: Command): T => cmd.opts() as T;

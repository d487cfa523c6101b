// Node 20 lacks Promise.withResolvers, which libp2p 3 and its dependencies use
// at runtime. Import this module before anything from libp2p is evaluated.
type Resolvers<T> = { promise: Promise<T>; resolve: (v: T | PromiseLike<T>) => void; reject: (e?: unknown) => void };
const P = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
export {};

// Node 20 has no global WebSocket either; @libp2p/websockets dials with it.
// The `ws` client implements the same event-target API.
import { WebSocket as WsWebSocket } from 'ws';
const G = globalThis as unknown as { WebSocket?: unknown };
if (typeof G.WebSocket !== 'function') G.WebSocket = WsWebSocket;

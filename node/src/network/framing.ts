// Length-prefixed (unsigned varint) frames over libp2p 3 message streams.
import type { Stream } from '@libp2p/interface';
import * as lp from 'it-length-prefixed';

/** Yields each frame; throws when a frame is larger than `maxBytes` or the varint is malformed. */
export async function* readFrames(stream: Stream, maxBytes: number): AsyncGenerator<Uint8Array> {
  for await (const frame of lp.decode(stream, { maxDataLength: maxBytes })) yield frame.subarray();
}

/** Reads exactly one frame (the stream may end afterwards); undefined if the stream ended first. */
export async function readOneFrame(stream: Stream, maxBytes: number): Promise<Uint8Array | undefined> {
  for await (const frame of readFrames(stream, maxBytes)) return frame;
  return undefined;
}

/** Sends one frame, waiting for the stream to drain when its buffer is full. */
export async function writeFrame(stream: Stream, data: Uint8Array): Promise<void> {
  if (!stream.send(lp.encode.single(data))) await stream.onDrain();
}

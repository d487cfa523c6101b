// Runs async tasks one at a time in call order: pool maintenance (block import,
// retraction, finality) must never interleave with itself.

export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> { return this.tail; }
}

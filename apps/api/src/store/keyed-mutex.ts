/**
 * Runs work for one key at a time, in arrival order; different keys run in parallel. FerretDB v1 applies an
 * update as read-modify-write without a lock (50 concurrent $inc on one document keep about 8 of them), so
 * the api never updates one page or entity document from two places at once. Across replicas, MongoDB's
 * atomic single-document updates and the compare-and-set filters do that job.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests). */
  get size(): number {
    return this.tails.size;
  }
}

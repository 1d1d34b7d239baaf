/**
 * A character trie for finding every dictionary key that starts at a position (one walk, no substrings).
 *
 * The recognizers walk several tries from nearly every position of every article, so the trie is kept in typed
 * arrays rather than objects and Maps: the first character is an index into a 65536-entry table, and every other
 * edge lives in one open-addressing hash table keyed by (node, UTF-16 unit). A step is a multiply and one or two
 * array reads, and nothing is allocated unless a key is found.
 */
export interface TrieHit<T> {
  end: number;
  values: T[];
}

const EMPTY: never[] = [];
const NO_NODE = 0;

export class Trie<T> {
  /** Node reached by each first UTF-16 unit (0: no key starts with it). */
  private readonly roots = new Int32Array(65536);
  /** Edge table: parent node (0 = free slot), unit, child node. */
  private edgeParent = new Int32Array(1024);
  private edgeUnit = new Uint16Array(1024);
  private edgeChild = new Int32Array(1024);
  private edgeShift = 22; // 32 - log2(table size)
  private edgeCount = 0;
  /** Values of the key ending at each node (index = node id; node 0 is unused). */
  private readonly values: (T[] | null)[] = [null];
  size = 0;

  add(key: string, value: T): void {
    if (!key.length) return;
    const c0 = key.charCodeAt(0);
    let node = this.roots[c0];
    if (node === NO_NODE) node = this.roots[c0] = this.newNode();
    for (let i = 1; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = this.child(node, c);
      if (child === NO_NODE) {
        child = this.newNode();
        this.putEdge(node, c, child);
      }
      node = child;
    }
    let list = this.values[node];
    if (!list) {
      list = this.values[node] = [];
      this.size++;
    }
    list.push(value);
  }

  /** Every key starting at `start`, shortest first. */
  matchAt(text: string, start: number, limit = text.length): TrieHit<T>[] {
    if (start >= limit) return EMPTY;
    let node = this.roots[text.charCodeAt(start)];
    if (node === NO_NODE) return EMPTY;
    let hits: TrieHit<T>[] | null = null;
    for (let i = start + 1; ; i++) {
      const v = this.values[node];
      if (v) (hits ??= []).push({ end: i, values: v });
      if (i >= limit) break;
      node = this.child(node, text.charCodeAt(i));
      if (node === NO_NODE) break;
    }
    return hits ?? EMPTY;
  }

  /** The longest key starting at `start`, or null. */
  longestAt(text: string, start: number, limit = text.length): TrieHit<T> | null {
    const end = this.longestEndAt(text, start, limit);
    return end < 0 ? null : { end, values: this.valuesEndingAt(text, start, end) };
  }

  /** Where the longest key starting at `start` ends, or -1; allocates nothing. */
  longestEndAt(text: string, start: number, limit = text.length): number {
    if (start >= limit) return -1;
    let node = this.roots[text.charCodeAt(start)];
    if (node === NO_NODE) return -1;
    let best = -1;
    for (let i = start + 1; ; i++) {
      if (this.values[node]) best = i;
      if (i >= limit) break;
      node = this.child(node, text.charCodeAt(i));
      if (node === NO_NODE) break;
    }
    return best;
  }

  /** Whether any key starts with this UTF-16 unit. */
  startsWith(code: number): boolean {
    return this.roots[code] !== NO_NODE;
  }

  has(key: string): boolean {
    return key.length > 0 && this.hasRange(key, 0, key.length);
  }

  /** has(text.slice(start, end)) without making the string. */
  hasRange(text: string, start: number, end: number): boolean {
    return end > start && this.values[this.nodeOf(text, start, end)] != null;
  }

  /** The values of the key text[start, end), or null. */
  valuesOf(text: string, start: number, end: number): T[] | null {
    if (end <= start) return null;
    return this.values[this.nodeOf(text, start, end)] ?? null;
  }

  private valuesEndingAt(text: string, start: number, end: number): T[] {
    return this.values[this.nodeOf(text, start, end)] as T[];
  }

  private nodeOf(text: string, start: number, end: number): number {
    let node = this.roots[text.charCodeAt(start)];
    for (let i = start + 1; i < end && node !== NO_NODE; i++) node = this.child(node, text.charCodeAt(i));
    return node;
  }

  private newNode(): number {
    this.values.push(null);
    return this.values.length - 1;
  }

  private slot(node: number, unit: number): number {
    return Math.imul((Math.imul(node, 0x10001) ^ unit) | 0, 0x9e3779b1) >>> this.edgeShift;
  }

  private child(node: number, unit: number): number {
    const mask = this.edgeParent.length - 1;
    for (let s = this.slot(node, unit); ; s = (s + 1) & mask) {
      const p = this.edgeParent[s];
      if (p === node && this.edgeUnit[s] === unit) return this.edgeChild[s];
      if (p === NO_NODE) return NO_NODE;
    }
  }

  private putEdge(node: number, unit: number, child: number): void {
    // Keep the table at most half full so that probes stay short.
    if ((this.edgeCount + 1) * 2 > this.edgeParent.length) this.grow();
    const mask = this.edgeParent.length - 1;
    let s = this.slot(node, unit);
    while (this.edgeParent[s] !== NO_NODE) s = (s + 1) & mask;
    this.edgeParent[s] = node;
    this.edgeUnit[s] = unit;
    this.edgeChild[s] = child;
    this.edgeCount++;
  }

  private grow(): void {
    const parent = this.edgeParent;
    const unit = this.edgeUnit;
    const child = this.edgeChild;
    const size = parent.length * 2;
    this.edgeParent = new Int32Array(size);
    this.edgeUnit = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    this.edgeShift--;
    this.edgeCount = 0;
    for (let s = 0; s < parent.length; s++) if (parent[s] !== NO_NODE) this.putEdge(parent[s], unit[s], child[s]);
  }
}

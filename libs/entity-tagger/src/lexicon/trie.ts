/** A character trie for finding every dictionary key that starts at a position (one walk, no substrings). */
interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  values: T[] | null;
}

export interface TrieHit<T> {
  end: number;
  values: T[];
}

const EMPTY: never[] = [];

export class Trie<T> {
  // The first level is an array indexed by UTF-16 unit: most positions of a text are settled with one read.
  // Filled element by element so that V8 keeps it a fast packed array (new Array(65536) would be a dictionary).
  private readonly roots: (TrieNode<T> | undefined)[] = Array.from({ length: 65536 }, () => undefined);
  size = 0;

  add(key: string, value: T): void {
    if (!key.length) return;
    const c0 = key.charCodeAt(0);
    let node: TrieNode<T> = this.roots[c0] ?? { next: new Map(), values: null };
    this.roots[c0] = node;
    for (let i = 1; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child: TrieNode<T> | undefined = node.next.get(c);
      if (!child) {
        child = { next: new Map(), values: null };
        node.next.set(c, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.size++;
    }
    node.values.push(value);
  }

  /** Every key starting at `start`, shortest first. */
  matchAt(text: string, start: number, limit = text.length): TrieHit<T>[] {
    if (start >= limit) return EMPTY;
    let node: TrieNode<T> | undefined = this.roots[text.charCodeAt(start)];
    if (!node) return EMPTY;
    let hits: TrieHit<T>[] | null = node.values ? [{ end: start + 1, values: node.values }] : null;
    for (let i = start + 1; i < limit; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.values) (hits ??= []).push({ end: i + 1, values: node.values });
    }
    return hits ?? EMPTY;
  }

  /** The longest key starting at `start`, or null. */
  longestAt(text: string, start: number, limit = text.length): TrieHit<T> | null {
    if (start >= limit) return null;
    let node: TrieNode<T> | undefined = this.roots[text.charCodeAt(start)];
    if (!node) return null;
    let best: TrieHit<T> | null = node.values ? { end: start + 1, values: node.values } : null;
    for (let i = start + 1; i < limit; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.values) best = { end: i + 1, values: node.values };
    }
    return best;
  }

  /** Whether any key starts with this UTF-16 unit. */
  startsWith(code: number): boolean {
    return this.roots[code] !== undefined;
  }

  has(key: string): boolean {
    if (!key.length) return false;
    let node: TrieNode<T> | undefined = this.roots[key.charCodeAt(0)];
    for (let i = 1; i < key.length && node; i++) node = node.next.get(key.charCodeAt(i));
    return !!node?.values;
  }
}

import { dictionaryLines, WatchedFileStore } from '../dictionary/watched-file.store';
import { surnameLength } from '../lexicon/surname.lexicon';
import { Trie } from '../lexicon/trie';
import { isAllHan } from '../text/char-class.util';

export interface PeopleDictionaryOptions {
  /** Operators' file of known people (format in the README); none means no known people. */
  path?: string;
  /** How often to look at the file's modification time; 0 checks on every call (default 5000 ms). */
  reloadIntervalMs?: number;
}

/**
 * The people operators know by name. Each name is found wherever the text writes it (no title needed); its
 * explicit printed forms (`罗绍昀 = 罗绍灼`) and its one-character misreadings in the given name map to it.
 */
export class KnownPeople {
  /** Exact names and explicit printed forms → the known name. */
  readonly exact = new Trie<string>();
  /** Names operators switched off: never a person, whatever a pattern says. */
  readonly suppressed = new Set<string>();
  private readonly known = new Map<string, string>();
  /** name with one given-name character blanked out → the known names that give that key. */
  private readonly oneOff = new Map<string, string[]>();
  private readonly variantHeads = new Set<number>();
  private readonly lengths = new Set<number>();

  constructor(entries: readonly PeopleEntry[] = []) {
    for (const e of entries) {
      if (e.suppress) {
        this.suppressed.add(e.name);
        continue;
      }
      this.put(e.name, e.name);
      for (const p of e.printed) this.put(p, e.name);
      for (const key of oneOffKeys(e.name)) {
        const list = this.oneOff.get(key) ?? [];
        if (!list.includes(e.name)) list.push(e.name);
        this.oneOff.set(key, list);
        this.variantHeads.add(e.name.charCodeAt(0));
        this.lengths.add(e.name.length);
      }
    }
  }

  /** Whether a misreading of some known name may start with this character (its surname's first character). */
  mayVaryAt(code: number): boolean {
    return this.variantHeads.has(code);
  }

  /** Lengths of the names that have misreadings to look for. */
  get variantLengths(): readonly number[] {
    return [...this.lengths];
  }

  get size(): number {
    return this.known.size;
  }

  /** The known name a printed string stands for exactly (the name itself or a listed printed form). */
  knownNameOf(printed: string): string | undefined {
    return this.known.get(printed);
  }

  /**
   * The known name a printed name misreads in one character of its given name (罗绍灼 for 罗绍昀), when exactly
   * one known name fits and the printed name is not itself known.
   */
  variantOf(printed: string): string | null {
    if (this.known.has(printed) || this.suppressed.has(printed)) return null;
    let found: string | null = null;
    for (const key of oneOffKeys(printed)) {
      for (const name of this.oneOff.get(key) ?? []) {
        if (name.length !== printed.length || name === printed) continue;
        if (found && found !== name) return null;
        found = name;
      }
    }
    return found;
  }

  private put(printed: string, name: string): void {
    if (this.known.has(printed)) return;
    this.known.set(printed, name);
    this.exact.add(printed, name);
  }
}

export interface PeopleEntry {
  name: string;
  /** Other ways the papers print the name (known misprints, older forms). */
  printed: string[];
  suppress: boolean;
}

const NAME = /^[\u4e00-\u9fff·]{2,8}$/;

/** `罗绍昀`, `罗绍昀 = 罗绍灼, 罗绍均`, `-王强`; lines that are not a name (wrong characters, too long) are skipped. */
export function parsePeopleDictionary(text: string): PeopleEntry[] {
  const out: PeopleEntry[] = [];
  for (const line of dictionaryLines(text)) {
    if (line.startsWith('-')) {
      const name = line.slice(1).trim();
      if (NAME.test(name)) out.push({ name, printed: [], suppress: true });
      continue;
    }
    const [head, rest = ''] = line.split(/\s*=\s*/, 2);
    const name = head.trim();
    if (!NAME.test(name)) continue;
    const printed = rest.split(/[,，、\s]+/).filter((p) => NAME.test(p) && p !== name);
    out.push({ name, printed, suppress: false });
  }
  return out;
}

/**
 * The keys under which a name is found with one given-name character misread: the name with that character
 * blanked. Only names with a surname and a two-character given name or longer: with one character left to
 * compare, a surname alone would link too many strangers.
 */
function oneOffKeys(name: string): string[] {
  if (!isAllHan(name) || name.length < 3) return [];
  const sl = surnameLength(name) || 1;
  if (name.length - sl < 2) return [];
  const keys: string[] = [];
  for (let p = sl; p < name.length; p++) keys.push(`${name.length}:${name.slice(0, p)}\u0000${name.slice(p + 1)}`);
  return keys;
}

/** The operators' people dictionary, re-read when its file changes; a bad or missing file keeps the last good one. */
export class PeopleDictionaryStore {
  private readonly file: WatchedFileStore<KnownPeople>;

  constructor(options: PeopleDictionaryOptions = {}) {
    this.file = new WatchedFileStore({ path: options.path, reloadIntervalMs: options.reloadIntervalMs, build: (text) => new KnownPeople(parsePeopleDictionary(text)) });
  }

  get lastError(): string | null {
    return this.file.lastError;
  }

  get(): KnownPeople {
    return this.file.get();
  }

  refresh(force: boolean): void {
    this.file.refresh(force);
  }
}

import { dictionaryLines, WatchedFileStore } from '../dictionary/watched-file.store';
import { Trie } from '../lexicon/trie';
import { SEED_CAMPAIGN_TERMS } from './campaign-seed.data';

export interface CampaignDictionaryOptions {
  /** Operators' file: one term per line, `#` comments, `-term` to stop tagging a term. */
  path?: string;
  /** How often to look at the file's modification time; 0 checks on every call. */
  reloadIntervalMs?: number;
  /** Include the national formulas shipped with the tagger (default true). */
  seed?: boolean;
}

export interface CampaignDictionary {
  terms: Trie<string>;
  /** Terms operators switched off, also when a pattern finds them. */
  suppressed: Set<string>;
}

/**
 * Campaign terms from the shipped seed plus the operators' file, re-read when the file changes (checked at most
 * every reloadIntervalMs), so a new slogan is tagged without a release. A missing or unreadable file keeps the
 * last good terms.
 */
export class CampaignDictionaryStore {
  private readonly file: WatchedFileStore<CampaignDictionary>;

  constructor(options: CampaignDictionaryOptions = {}) {
    const seed = options.seed === false ? [] : SEED_CAMPAIGN_TERMS;
    this.file = new WatchedFileStore({ path: options.path, reloadIntervalMs: options.reloadIntervalMs, build: (text) => build(seed, text) });
  }

  get lastError(): string | null {
    return this.file.lastError;
  }

  get(): CampaignDictionary {
    return this.file.get();
  }

  /** Re-reads the file now if it changed (or always, with force). */
  refresh(force: boolean): void {
    this.file.refresh(force);
  }
}

export function parseDictionary(text: string): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const raw of dictionaryLines(text)) {
    const line = raw.replace(/^[“"]|[”"]$/g, '');
    if (!line) continue;
    if (line.startsWith('-')) remove.push(line.slice(1).trim());
    else add.push(line);
  }
  return { add, remove };
}

function build(seed: readonly string[], fileText: string): CampaignDictionary {
  const { add, remove } = parseDictionary(fileText);
  const suppressed = new Set(remove);
  const terms = new Trie<string>();
  for (const t of [...seed, ...add]) if (t.length >= 2 && !suppressed.has(t)) terms.add(t, t);
  return { terms, suppressed };
}

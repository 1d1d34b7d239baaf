import { readFileSync, statSync } from 'node:fs';
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
  private current: CampaignDictionary;
  private mtimeMs = -1;
  private checkedAt = 0;
  lastError: string | null = null;

  constructor(private readonly options: CampaignDictionaryOptions = {}) {
    this.current = build(options.seed === false ? [] : SEED_CAMPAIGN_TERMS, '');
    this.refresh(true);
  }

  get(): CampaignDictionary {
    this.refresh(false);
    return this.current;
  }

  /** Re-reads the file now if it changed (or always, with force). */
  refresh(force: boolean): void {
    const path = this.options.path;
    if (!path) return;
    const now = Date.now();
    if (!force && now - this.checkedAt < (this.options.reloadIntervalMs ?? 5000)) return;
    this.checkedAt = now;
    try {
      const mtime = statSync(path).mtimeMs;
      if (!force && mtime === this.mtimeMs) return;
      const text = readFileSync(path, 'utf8');
      this.current = build(this.options.seed === false ? [] : SEED_CAMPAIGN_TERMS, text);
      this.mtimeMs = mtime;
      this.lastError = null;
    } catch (err) {
      this.lastError = (err as Error).message;
    }
  }
}

export function parseDictionary(text: string): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim().replace(/^[“"]|[”"]$/g, '');
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

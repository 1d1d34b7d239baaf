import { Injectable } from '@nestjs/common';
import { cleanName } from '../search/entity-keys';
import { EntityRepository } from '../store/entity.repository';

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * The division codes a place name was written for (株洲 -> 430200), from the entities seen so far, so that
 * place=株洲 also finds articles that wrote 株洲市. Cached briefly: new spellings appear as pages arrive.
 */
@Injectable()
export class PlaceResolver {
  private readonly cache = new Map<string, { codes: string[]; at: number }>();

  constructor(private readonly entities: EntityRepository) {}

  async codesFor(rawName: string, timeoutMs: number): Promise<string[]> {
    const name = cleanName(rawName);
    const cached = this.cache.get(name);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.codes;
    const codes = await this.entities.placeCodes(name, 5, timeoutMs);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(name, { codes, at: Date.now() });
    return codes;
  }
}

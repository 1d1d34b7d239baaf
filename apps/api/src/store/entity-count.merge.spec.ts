import type { EntityRef } from '../search/article-index.fields';
import { entityUpdateOf, mergeEntityChanges } from './entity-count.merge';

const ref = (over: Partial<EntityRef> = {}): EntityRef => ({
  id: 'place:430200',
  type: 'place',
  name: '株洲市',
  code: '430200',
  canonicalName: '株洲市',
  parents: [{ code: '430000', name: '湖南省' }],
  aliases: ['株洲市'],
  roles: [],
  ...over,
});

describe('mergeEntityChanges', () => {
  it('sums the deltas of one entity across page versions and keeps every alias and the date range', () => {
    const merged = mergeEntityChanges([
      { id: 'place:430200', delta: 1, ref: ref(), date: '2024-02-23' },
      { id: 'person:陈恢清', delta: 1, ref: ref({ id: 'person:陈恢清', type: 'person', name: '陈恢清', code: null, canonicalName: null, parents: [], aliases: ['陈恢清'] }), date: '2024-02-23' },
      { id: 'place:430200', delta: 2, ref: ref({ aliases: ['株洲'] }), date: '2024-02-20' },
      { id: 'place:430200', delta: -1, ref: null, date: null },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ id: 'place:430200', delta: 2, firstDate: '2024-02-20', lastDate: '2024-02-23' });
    expect(merged[0].ref?.aliases.sort()).toEqual(['株洲', '株洲市']);
  });

  it('drops an entity whose changes cancel out and that no change describes', () => {
    expect(mergeEntityChanges([
      { id: 'person:甲', delta: 1, ref: null, date: null },
      { id: 'person:甲', delta: -1, ref: null, date: null },
    ])).toEqual([]);
  });
});

describe('entityUpdateOf', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('only moves the count of an entity it does not describe, and never creates it', () => {
    expect(entityUpdateOf({ id: 'person:甲', delta: -2, ref: null, firstDate: null, lastDate: null }, now)).toEqual({
      filter: { _id: 'person:甲' },
      update: { $inc: { articleCount: -2 }, $set: { updatedAt: now } },
      upsert: false,
    });
  });

  it('upserts a described entity with its names, roles and the widened date range', () => {
    const { update, upsert } = entityUpdateOf({ id: 'place:430200', delta: 1, ref: ref(), firstDate: '2024-02-20', lastDate: '2024-02-23' }, now);
    expect(upsert).toBe(true);
    expect(update).toMatchObject({ $inc: { articleCount: 1 }, $min: { firstDate: '2024-02-20' }, $max: { lastDate: '2024-02-23' }, $set: { name: '株洲市', code: '430200' } });
    expect(update).not.toHaveProperty('$setOnInsert');
  });
});

import { decodeCounts, encodeCounts } from './facet-day.repository';
import { dayOf } from './facet-days.service';

describe('facet day counts', () => {
  it('round-trips entity counts through one string, whatever the names hold', () => {
    const counts = new Map([
      ['person:陈正明', 2],
      ['*', 5],
      ['organization:中共株洲市委', 1],
      ['place:430200', 12],
    ]);
    const text = encodeCounts(counts);
    expect(text.split('\n')[0]).toBe('*\t5');
    expect(decodeCounts(text)).toEqual(counts);
    expect(decodeCounts('')).toEqual(new Map());
  });

  it('reads the day and paper from a sortKey', () => {
    expect(dayOf('2024-01-10|株洲日报|01|0003|ar_1')).toEqual({ date: '2024-01-10', source: '株洲日报' });
  });
});

import { pageMessages } from '../testing/page-fixture';
import { entityChanges } from './entity-change';

const articleWith = (people: string[], date = '2024-02-23') =>
  pageMessages({ source: 's', date, page: '01', articles: [{ headline: 'h', body: people.join('、'), people }] }).enriched[0];

describe('entityChanges', () => {
  it('counts +1 per added article and -1 per removed one, per entity', () => {
    const changes = entityChanges([articleWith(['甲', '乙'])], [articleWith(['乙', '丙']), articleWith(['丙'], '2024-03-01')]);
    const byId = Object.fromEntries(changes.map((change) => [change.id, change]));
    expect(byId['person:甲']).toMatchObject({ delta: -1, ref: null });
    expect(byId['person:乙']).toMatchObject({ delta: 0, ref: { name: '乙' } });
    expect(byId['person:丙']).toMatchObject({ delta: 2, date: '2024-03-01' });
  });
});

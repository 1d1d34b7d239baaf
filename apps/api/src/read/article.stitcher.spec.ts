import { pageMessages } from '../testing/page-fixture';
import { joinerAfter, stitch } from './article.stitcher';
import type { PartDoc } from './article.views';

const partOf = (page: string, body: string, jump: { continuation?: { toPage: string; marker: string }; continuedFrom?: { fromPage: string; marker: string } }): PartDoc => {
  const article = pageMessages({ source: '株洲日报', date: '2024-02-23', page, articles: [{ headline: page === '01' ? '株洲召开会议' : '', body, people: ['陈正明'], ...jump }] }).enriched[0];
  const { id, ...rest } = article;
  return { ...rest, _id: id, storedAt: new Date('2024-02-23T08:00:00Z'), pageReceivedAt: new Date(article.pageReceivedAt) } as unknown as PartDoc;
};

describe('stitch', () => {
  const head = partOf('01', '市委书记陈正明主持会议，', { continuation: { toPage: '02', marker: '②' } });
  const tail = partOf('02', '陈正明要求推进项目。', { continuedFrom: { fromPage: '01', marker: '②' } });

  it('joins the bodies (a sentence cut at the jump runs straight on) and records where each part sits', () => {
    const whole = stitch([head, tail]);
    expect(whole.body).toBe('市委书记陈正明主持会议，陈正明要求推进项目。');
    expect(whole.parts.map((part) => [part.page.page, part.bodyStart, part.bodyEnd])).toEqual([
      ['01', 0, 12],
      ['02', 12, 22],
    ]);
    expect(whole).toMatchObject({ id: head._id, headline: '株洲召开会议', complete: true, continuation: null, continuedFrom: null });
  });

  it('moves body mentions to their place in the whole body and says which part they are in', () => {
    const whole = stitch([head, tail]);
    const mentions = whole.entities.people[0].mentions;
    expect(mentions.map((mention) => [mention.part, mention.start, mention.end])).toEqual([
      [0, 4, 7],
      [1, 12, 15],
    ]);
    for (const mention of mentions) expect(whole.body.slice(mention.start, mention.end)).toBe('陈正明');
  });

  it("moves each part's inner datelines to their place in the whole body; a part stored without any has none", () => {
    const body = '据新华社日内瓦5月1日电 会议举行。';
    const roundupTail = { ...partOf('02', body, { continuedFrom: { fromPage: '01', marker: '②' } }), datelines: [{ text: '据新华社日内瓦5月1日电', agency: '新华社', place: '日内瓦', date: '5月1日', offset: 0 }] };
    const legacyHead = { ...head, datelines: undefined } as unknown as PartDoc;
    const whole = stitch([legacyHead, roundupTail]);
    expect(whole.datelines).toEqual([{ text: '据新华社日内瓦5月1日电', agency: '新华社', place: '日内瓦', date: '5月1日', offset: 12 }]);
    expect(whole.body.slice(12, 12 + '据新华社日内瓦5月1日电'.length)).toBe('据新华社日内瓦5月1日电');
  });

  it('starts a new paragraph after a finished sentence', () => {
    expect(joinerAfter('会议结束。')).toBe('\n');
    expect(joinerAfter('会议，')).toBe('');
  });

  it('is incomplete while the other page is missing', () => {
    expect(stitch([head])).toMatchObject({ complete: false, continuation: { toPage: '02', marker: '②' } });
    expect(stitch([tail])).toMatchObject({ complete: false, continuedFrom: { fromPage: '01', marker: '②' } });
  });
});

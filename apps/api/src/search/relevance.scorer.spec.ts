import { planQuery } from './ngram.tokenizer';
import { relevanceScore } from './relevance.scorer';
import { snippetOf } from './snippet';

describe('relevanceScore', () => {
  const terms = planQuery('会议');
  it('weighs the headline over subheadlines over the body, and caps body repeats', () => {
    const base = { kicker: null, subheadlines: [], body: '' };
    expect(relevanceScore({ ...base, headline: '会议召开' }, terms)).toBe(5);
    expect(relevanceScore({ ...base, headline: 'x', subheadlines: ['会议'] }, terms)).toBe(3);
    expect(relevanceScore({ ...base, headline: 'x', body: '会议'.repeat(50) }, terms)).toBe(20);
  });
});

describe('snippetOf', () => {
  const body = `${'前'.repeat(100)}市委召开会议${'后'.repeat(200)}`;
  it('shows the text around the first match, marking cuts', () => {
    const snippet = snippetOf(body, planQuery('会议'));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('市委召开会议');
    expect(snippet.endsWith('…')).toBe(true);
  });
  it('shows the start without a query, on one line', () => {
    expect(snippetOf('第一段。\n第二段。')).toBe('第一段。 第二段。');
  });
});

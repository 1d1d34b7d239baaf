import { PageRefSchema, PageSubmissionSchema } from './page.contract';

describe('page contracts', () => {
  it('normalizes page numbers to two digits and accepts numbers', () => {
    expect(PageRefSchema.parse({ source: 'x', date: '2024-02-23', page: 1 }).page).toBe('01');
    expect(PageRefSchema.parse({ source: 'x', date: '2024-02-23', page: 'a3' }).page).toBe('A03');
    expect(PageRefSchema.parse({ source: 'x', date: '2024-02-23', page: '12' }).page).toBe('12');
  });

  it('rejects impossible dates and missing fields with the field named', () => {
    const result = PageSubmissionSchema.safeParse({ source: 'x', date: '2024-02-30', page: '01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['date', 'text']);
  });

  it('rejects unknown fields so typos are not silently ignored', () => {
    expect(PageSubmissionSchema.safeParse({ source: 'x', date: '2024-02-03', page: 1, text: 't', pgae: 2 }).success).toBe(false);
  });
});

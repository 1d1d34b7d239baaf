import { summarizeProfile, type CpuProfile } from './cpu-profile.summary';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: '1' });

describe('CPU profile summary', () => {
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 1_000_000,
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('(idle)', '') },
      { id: 3, callFrame: frame('tagText', 'file:///repo/dist/libs/entity-tagger/src/article.tagger.js', 41) },
      { id: 4, callFrame: frame('parse', 'file:///repo/node_modules/zod/v4/core/parse.js', 9) },
      { id: 5, callFrame: frame('(garbage collector)', '') },
    ],
    samples: [2, 2, 3, 3, 3, 3, 4, 4, 5, 3],
    timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
  };

  it('ranks functions by self time among busy samples, with repo-relative file:line', () => {
    const summary = summarizeProfile(profile, '/repo');
    expect(summary.idleShare).toBeCloseTo(0.2);
    expect(summary.top[0]).toMatchObject({ where: 'tagText dist/libs/entity-tagger/src/article.tagger.js:42' });
    expect(summary.top[0].selfShare).toBeCloseTo(5 / 8);
    expect(summary.gcShare).toBeCloseTo(1 / 8);
    expect(summary.files.map((file) => file.file)).toContain('node_modules/zod');
  });
});

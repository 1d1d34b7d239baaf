import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles with each delivery around 1 s, 2 s, 4 s', () => {
    const middle = () => 0.5;
    expect([1, 2, 3].map((deliveries) => retryDelayMs(deliveries, middle))).toEqual([1000, 2000, 4000]);
  });

  it('is capped at a minute, jitter included', () => {
    expect(retryDelayMs(30, () => 1)).toBeLessThanOrEqual(72_000);
    expect(retryDelayMs(30, () => 0)).toBe(48_000);
  });
});

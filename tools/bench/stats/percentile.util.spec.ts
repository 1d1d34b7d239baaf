import { distributionOf, percentile, round, scalingExponent, slopeOf } from './percentile.util';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('gives the value at the rank, not an interpolation', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('handles one value, and no values', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('p99 of ten values is the largest', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 99)).toBe(1000);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 90)).toBe(9);
  });

  it('rejects percentiles outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarizes a distribution', () => {
    expect(distributionOf([3, 1, 2])).toEqual({ count: 3, min: 1, mean: 2, p50: 2, p90: 3, p99: 3, max: 3 });
    expect(distributionOf([]).count).toBe(0);
  });
});

describe('growth figures', () => {
  it('slope of a line', () => {
    expect(slopeOf([[0, 1], [1, 3], [2, 5]])).toBeCloseTo(2);
    expect(slopeOf([[1, 1]])).toBeNaN();
  });

  it('scaling exponent: 1 for linear, 2 for quadratic', () => {
    expect(scalingExponent(1000, 20, 10000, 200)).toBeCloseTo(1);
    expect(scalingExponent(1000, 20, 10000, 2000)).toBeCloseTo(2);
    expect(scalingExponent(1000, 0, 10000, 200)).toBeNaN();
  });

  it('rounds for the report', () => {
    expect(round(3.14159)).toBe(3.14);
    expect(round(123456.7)).toBe(123457);
  });
});

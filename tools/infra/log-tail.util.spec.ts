import { LogTail } from './log-tail.util';

describe('LogTail', () => {
  it('joins chunks split mid-line and keeps only the last lines', () => {
    const tail = new LogTail(2);
    tail.push('one\ntw');
    tail.push('o\r\nthree\n\nfour');
    expect(tail.text()).toBe('two\nthree\nfour');
  });

  it('caps a line that never ends', () => {
    const tail = new LogTail(3);
    tail.push('x'.repeat(5000));
    expect(tail.text()).toHaveLength(5000);
    tail.push('y\n');
    expect(tail.text().split('\n')).toEqual(['x'.repeat(5000), 'y']);
  });
});

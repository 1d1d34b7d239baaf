import { redactUrl } from './log.util';

describe('redactUrl', () => {
  it('hides a password and keeps the rest', () => {
    expect(redactUrl('nats://baoxun:s3cret@nats:4222')).toBe('nats://baoxun:***@nats:4222');
    expect(redactUrl('mongodb://u:p%40ss@mongo:27017/baoxun')).toBe('mongodb://u:***@mongo:27017/baoxun');
  });

  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    expect(redactUrl('mongodb://127.0.0.1:27017/baoxun')).toBe('mongodb://127.0.0.1:27017/baoxun');
  });
});

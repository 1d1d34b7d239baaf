import { z } from 'zod';
import { ApiConfigSchema } from './api.config';
import { ConfigError, intSetting, loadConfig } from './config.loader';
import { IngestConfigSchema } from './ingest.config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig(ApiConfigSchema, {});
    expect(config).toMatchObject({ HTTP_PORT: 3000, NATS_URL: 'nats://127.0.0.1:4222', MAX_DELIVER: 5, LOG_LEVEL: 'info' });
  });

  it('names the variable, the problem and the value it got', () => {
    expect(() => loadConfig(IngestConfigSchema, { MAX_PAGE_BYTES: 'lots', NATS_URL: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig(IngestConfigSchema, { MAX_PAGE_BYTES: 'lots', NATS_URL: 'http://x' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('MAX_PAGE_BYTES: must be a number (got "lots")');
      expect(message).toContain('NATS_URL: must be one or more nats:// URLs');
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(z.object({ PORT: intSetting(7) }), { PORT: '' })).toEqual({ PORT: 7 });
  });

  it('rejects a port out of range and a MONGO_URL that is not one', () => {
    expect(() => loadConfig(ApiConfigSchema, { HTTP_PORT: '70000' })).toThrow(/HTTP_PORT: must be at most 65535/);
    expect(() => loadConfig(ApiConfigSchema, { MONGO_URL: 'postgres://x' })).toThrow(/MONGO_URL: must be a mongodb/);
  });
});

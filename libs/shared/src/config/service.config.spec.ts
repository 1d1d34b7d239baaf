import { ApiConfigSchema } from './api.config';
import { loadConfig } from './config.loader';
import { jetStreamSettingsProblems } from './service.config';
import { ParserConfigSchema } from './parser.config';

describe('broker and JetStream settings', () => {
  it('default to one node: one URL, one replica, consumers inherit, no placement', () => {
    expect(loadConfig(ParserConfigSchema, {})).toMatchObject({ NATS_URL: 'nats://127.0.0.1:4222', STREAM_REPLICAS: 1, CONSUMER_REPLICAS: 0, STREAM_PLACEMENT_TAGS: [] });
  });

  it('take a cluster: several URLs, three replicas, placement tags', () => {
    const config = loadConfig(ApiConfigSchema, {
      NATS_URL: 'nats://n1:4222, nats://n2:4222,tls://n3:4222',
      STREAM_REPLICAS: '3',
      CONSUMER_REPLICAS: '3',
      STREAM_PLACEMENT_TAGS: 'zone:a, ssd',
    }, jetStreamSettingsProblems);
    expect(config).toMatchObject({ STREAM_REPLICAS: 3, CONSUMER_REPLICAS: 3, STREAM_PLACEMENT_TAGS: ['zone:a', 'ssd'] });
  });

  it('take a MongoDB replica set URL with its write concern and read preference (README)', () => {
    const url = 'mongodb://baoxun:secret@mongo-0:27017,mongo-1:27017,mongo-2:27017/baoxun?replicaSet=rs0&w=majority&readPreference=primary';
    expect(loadConfig(ApiConfigSchema, { MONGO_URL: url }).MONGO_URL).toBe(url);
  });

  it('name the variable of a bad value', () => {
    expect(() => loadConfig(ParserConfigSchema, { STREAM_REPLICAS: '0' })).toThrow(/STREAM_REPLICAS: must be at least 1 \(got "0"\)/);
    expect(() => loadConfig(ParserConfigSchema, { STREAM_REPLICAS: 'three' })).toThrow(/STREAM_REPLICAS: must be a number/);
    expect(() => loadConfig(ParserConfigSchema, { STREAM_REPLICAS: '7' })).toThrow(/STREAM_REPLICAS: must be at most 5/);
    expect(() => loadConfig(ParserConfigSchema, { CONSUMER_REPLICAS: '-1' })).toThrow(/CONSUMER_REPLICAS: must be at least 0/);
    expect(() => loadConfig(ParserConfigSchema, { NATS_URL: 'nats://a:4222,http://b:80' })).toThrow(/NATS_URL: must be one or more nats:\/\/ URLs/);
  });

  it('refuse consumers on more servers than their stream', () => {
    expect(() => loadConfig(ParserConfigSchema, { STREAM_REPLICAS: '1', CONSUMER_REPLICAS: '3' }, jetStreamSettingsProblems)).toThrow(
      /CONSUMER_REPLICAS: must be 0 \(the stream's\) or at most STREAM_REPLICAS \(1\) \(got "3"\)/,
    );
    expect(jetStreamSettingsProblems({ STREAM_REPLICAS: 3, CONSUMER_REPLICAS: 1 })).toEqual([]);
  });
});

import { streamConfigs, topologyOf } from './jetstream-topology';

describe('streamConfigs', () => {
  it('keeps one replica and no placement by default, as on one node', () => {
    const configs = streamConfigs();
    expect(configs.map((config) => config.name)).toEqual(['BAOXUN_PAGES', 'BAOXUN_ARTICLES', 'BAOXUN_DLQ']);
    for (const config of configs) {
      expect(config.num_replicas).toBe(1);
      expect(config).not.toHaveProperty('placement');
    }
  });

  it('replicates every stream, dead letters included, and places them by tags', () => {
    const configs = streamConfigs(topologyOf({ STREAM_REPLICAS: 3, CONSUMER_REPLICAS: 0, STREAM_PLACEMENT_TAGS: ['zone:a'] }));
    for (const config of configs) {
      expect(config.num_replicas).toBe(3);
      expect(config.placement).toEqual({ cluster: '', tags: ['zone:a'] });
    }
  });
});

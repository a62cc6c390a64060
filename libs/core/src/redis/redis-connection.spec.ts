import { redisConnectionOptions } from './redis-connection';

const settings = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINELS: '', REDIS_SENTINEL_NAME: 'mymaster', REDIS_SENTINEL_PASSWORD: '' };

describe('redisConnectionOptions', () => {
  it('connects to the one Redis of REDIS_URL, with its credentials, database and TLS', () => {
    expect(redisConnectionOptions({ ...settings, REDIS_URL: 'rediss://namndrum:hemligt%21@redis.example:6380/2' })).toEqual({
      host: 'redis.example',
      port: 6380,
      username: 'namndrum',
      password: 'hemligt!',
      db: 2,
      tls: {},
    });
    expect(redisConnectionOptions(settings)).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });

  it('asks the sentinels for the master, keeping only the credentials and database of REDIS_URL', () => {
    const options = redisConnectionOptions({
      ...settings,
      REDIS_URL: 'redis://:master-password@ignored:1/1',
      REDIS_SENTINELS: 'sentinel-1:26379, sentinel-2:26380',
      REDIS_SENTINEL_NAME: 'namndrum',
      REDIS_SENTINEL_PASSWORD: 'sentinel-password',
    });
    expect(options).toEqual({
      password: 'master-password',
      db: 1,
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: 'sentinel-2', port: 26380 },
      ],
      name: 'namndrum',
      sentinelPassword: 'sentinel-password',
    });
    expect(options).not.toHaveProperty('host');
  });
});

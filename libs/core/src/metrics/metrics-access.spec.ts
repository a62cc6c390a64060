import { metricsAccess } from './metrics-access';

describe('metricsAccess', () => {
  it('opens /metrics without a token in development and test', () => {
    expect(metricsAccess({ METRICS_TOKEN: '', NODE_ENV: 'development' }, undefined)).toBe('allowed');
    expect(metricsAccess({ METRICS_TOKEN: '', NODE_ENV: 'test' }, 'Bearer anything')).toBe('allowed');
  });

  it('keeps /metrics shut in production until a token is configured', () => {
    expect(metricsAccess({ METRICS_TOKEN: '', NODE_ENV: 'production' }, undefined)).toBe('disabled');
    expect(metricsAccess({ METRICS_TOKEN: '', NODE_ENV: 'production' }, 'Bearer guess')).toBe('disabled');
  });

  it('asks for the configured token as a bearer token, in every environment', () => {
    const config = { METRICS_TOKEN: 's3cret-token', NODE_ENV: 'development' as const };
    expect(metricsAccess(config, 'Bearer s3cret-token')).toBe('allowed');
    expect(metricsAccess(config, undefined)).toBe('unauthorized');
    expect(metricsAccess(config, 'Bearer s3cret-tokem')).toBe('unauthorized');
    expect(metricsAccess(config, 'Bearer s3cret')).toBe('unauthorized');
    expect(metricsAccess(config, 'Basic s3cret-token')).toBe('unauthorized');
  });
});

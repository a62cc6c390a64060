import { runInRequestIdScope, scopedRequestId } from './request-id-scope';

describe('the request id scope of a job', () => {
  it('is unknown outside a job', () => {
    expect(scopedRequestId()).toBeUndefined();
  });

  it('follows the job through its awaits, and each concurrent job keeps its own', async () => {
    const seen = await Promise.all(
      ['request-a', null].map((requestId) =>
        runInRequestIdScope(requestId, async () => {
          await new Promise((resolve) => setImmediate(resolve));
          return scopedRequestId();
        }),
      ),
    );
    expect(seen).toEqual(['request-a', null]);
    expect(scopedRequestId()).toBeUndefined();
  });
});

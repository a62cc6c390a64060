import { mustBeHandledClosed } from './closed-matters';

describe('matters handled behind closed doors (KL 6 kap. 25 §)', () => {
  it.each([
    [{ secret: false, exerciseOfPublicAuthority: false }, false],
    [{ secret: true, exerciseOfPublicAuthority: false }, true],
    [{ secret: false, exerciseOfPublicAuthority: true }, true],
    [{ secret: true, exerciseOfPublicAuthority: true }, true],
  ])('%j: closed %s', (matter, closed) => {
    expect(mustBeHandledClosed(matter)).toBe(closed);
  });
});

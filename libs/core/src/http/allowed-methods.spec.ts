import { METHODS } from 'node:http';
import { allowedMethods } from './allowed-methods';

const route = (path: RegExp, ...methods: string[]) => ({
  route: { methods: Object.fromEntries(methods.map((method) => [method, true])) },
  matchers: [(candidate: string) => path.test(candidate)],
});

describe('allowedMethods', () => {
  const stack = [
    route(/^\/api(\/.*)?$/, ...METHODS.map((method) => method.toLowerCase())),
    route(/^\/api\/v1\/meetings$/, 'post'),
    route(/^\/api\/v1\/meetings$/, 'get'),
    route(/^\/api\/v1\/meetings\/[^/]+$/, 'patch'),
    { matchers: [() => true] },
  ];

  it('lists the methods of the routes on the path, leaving out middleware mounted for every method', () => {
    expect(allowedMethods(stack, '/api/v1/meetings')).toEqual(['GET', 'POST']);
    expect(allowedMethods(stack, '/api/v1/meetings/1')).toEqual(['PATCH']);
    expect(allowedMethods(stack, '/api/v1/nothing')).toEqual([]);
  });
});

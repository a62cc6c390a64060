import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
const ERROR_SCHEMA = '#/components/schemas/ErrorResponseDto';

/** The committed document, the one a typed client is generated from (CI keeps it equal to the code's). */
const document = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => (item[method] ? [{ name: `${method.toUpperCase()} ${path}`, operation: item[method] }] : [])),
);

/** The operations for which the predicate does not hold, by method and path, so a failure names them. */
function lacking(predicate: (operation: Operation) => boolean, among = operations): string[] {
  return among.filter(({ operation }) => !predicate(operation)).map(({ name }) => name);
}

const declares = (operation: Operation, status: number) => String(status) in operation.responses;
const hasPathParameters = (operation: Operation) => (operation.parameters ?? []).some((parameter) => parameter.in === 'path');
const isGuarded = (operation: Operation) => (operation.security ?? []).length > 0;
const takesBody = (operation: Operation) => operation.requestBody !== undefined;

describe('the committed OpenAPI document', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('gives every operation a summary', () => {
    expect(lacking((operation) => (operation.summary ?? '').trim().length > 0)).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId a generated client can use as a method name', () => {
    expect(lacking((operation) => /^[a-z][a-zA-Z0-9]*$/.test(operation.operationId ?? ''))).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('declares 401 and 403 on every operation that needs a signed-in user', () => {
    const guarded = operations.filter(({ operation }) => isGuarded(operation));
    expect(guarded.length).toBeGreaterThan(100);
    expect(lacking((operation) => declares(operation, 401) && declares(operation, 403), guarded)).toEqual([]);
  });

  it('declares 400 on every operation, since any query string is checked for text that cannot be stored', () => {
    expect(lacking((operation) => declares(operation, 400))).toEqual([]);
  });

  it('declares 404 on every operation that loads what its path names', () => {
    expect(lacking((operation) => !hasPathParameters(operation) || declares(operation, 404))).toEqual([]);
  });

  it('declares 413 on every operation that takes a body, since every body has a size limit', () => {
    const withBody = operations.filter(({ operation }) => takesBody(operation));
    expect(withBody.length).toBeGreaterThan(50);
    expect(lacking((operation) => declares(operation, 413), withBody)).toEqual([]);
  });

  it('declares 429 on sign-in, which is throttled', () => {
    expect(declares(document.paths['/api/v1/auth/login'].post!, 429)).toBe(true);
  });

  it('declares every error response with the one error shape', () => {
    const wrongShape = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('4'))
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== ERROR_SCHEMA)
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrongShape).toEqual([]);
  });
});

describe('the schemas behind the document', () => {
  /** Every class in a DTO file, by name; the document names a schema by its class name and keeps only one per name. */
  function dtoClassNames(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => /ApiProperty/.test(readFileSync(file, 'utf8')))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:export\s+)?(?:abstract\s+)?class\s+(\w+)/gm)].map((match) => match[1]));
  }

  it('has no two DTO classes of the same name, one of which the document would silently drop', () => {
    const root = join(__dirname, '..', '..', '..');
    const names = [...dtoClassNames(join(root, 'libs')), ...dtoClassNames(join(root, 'apps'))];
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

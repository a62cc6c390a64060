import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

const API_PATH_PREFIX = '/api/v1/';
const ERROR_SCHEMA_NAME = 'ErrorResponseDto';
const DOCUMENT_ID = 'openapi.json';
const BODY_EXCERPT_LENGTH = 400;

export interface ResponseViolation {
  /** "GET /api/v1/meetings/{id}", or the request's own path when no operation matches. */
  operation: string;
  status: number;
  problem: string;
  bodyExcerpt: string;
}

export interface ObservedResponse {
  method: string;
  /** Path with query, as the request named it. */
  url: string;
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

interface OpenApiMediaType {
  schema?: object;
}
interface OpenApiResponse {
  content?: Record<string, OpenApiMediaType>;
}
interface OpenApiOperation {
  responses: Record<string, OpenApiResponse>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, object> };
}

interface PathTemplate {
  template: string;
  pattern: RegExp;
  parameterCount: number;
  operations: Record<string, OpenApiOperation>;
}

/** Checks responses against the operations, statuses and schemas an OpenAPI 3.0 document declares. */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly templates: PathTemplate[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const definitions = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, closed(toJsonSchema(schema))]));
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions });
    this.templates = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        parameterCount: (template.match(/\{/g) ?? []).length,
        operations,
      }))
      // A literal segment ("meetings/plan") wins over a parameter ("meetings/{id}").
      .sort((a, b) => a.parameterCount - b.parameterCount);
  }

  static fromCommittedDocument(): OpenApiResponseValidator {
    const file = join(__dirname, '..', '..', 'apps', 'api', 'openapi.json');
    return new OpenApiResponseValidator(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }

  /** What is wrong with one response; empty when it is what the document promises. */
  check(response: ObservedResponse): ResponseViolation[] {
    // Express routes are not strict: '/organs/' is '/organs'.
    const path = response.url.split('?')[0].replace(/(.)\/+$/, '$1');
    if (!path.startsWith(API_PATH_PREFIX)) return [];
    const method = response.method.toLowerCase();
    const template = this.templates.find((candidate) => candidate.pattern.test(path) && candidate.operations[method]);
    const operationName = `${response.method.toUpperCase()} ${template?.template ?? path}`;
    const violation = (problem: string): ResponseViolation => ({
      operation: operationName,
      status: response.status,
      problem,
      bodyExcerpt: isText(response.contentType)
        ? response.body.toString('utf8', 0, BODY_EXCERPT_LENGTH)
        : `(${response.body.length} bytes of ${response.contentType ?? 'no content type'})`,
    });

    if (response.status >= 400) {
      const problems = this.checkErrorBody(response).map(violation);
      if (template) {
        const undeclared = undeclaredErrorStatus(template.operations[method], response.status);
        if (undeclared) problems.push(violation(undeclared));
      }
      return problems;
    }
    if (!template) return [violation('no operation in the OpenAPI document matches this path and method')];

    const declared = template.operations[method].responses[String(response.status)];
    if (!declared) return [violation(`status ${response.status} is not declared for this operation`)];
    return this.checkDeclaredBody(`${operationName} ${response.status}`, declared, response).map(violation);
  }

  private checkErrorBody(response: ObservedResponse): string[] {
    if (!isJson(response.contentType)) return [`an error must be JSON in the one error shape, got ${response.contentType ?? 'no content type'}`];
    return this.validate(ERROR_SCHEMA_NAME, { $ref: `${DOCUMENT_ID}#/definitions/${ERROR_SCHEMA_NAME}` }, response.body);
  }

  private checkDeclaredBody(key: string, declared: OpenApiResponse, response: ObservedResponse): string[] {
    const mediaTypes = Object.keys(declared.content ?? {});
    if (mediaTypes.length === 0) {
      return response.body.length === 0 ? [] : [`the document declares no body, but one of ${response.body.length} bytes (${response.contentType}) was sent`];
    }
    const sentType = mediaType(response.contentType);
    const declaredType = sentType && mediaTypes.find((candidate) => mediaTypeMatches(candidate, sentType));
    if (!declaredType) {
      return [`content type ${response.contentType ?? '(none)'} is not among the declared ${mediaTypes.join(', ')}`];
    }
    const schema = declared.content?.[declaredType]?.schema;
    if (!isJson(sentType) || !schema) return [];
    return this.validate(key, toJsonSchema(schema), response.body);
  }

  private validate(key: string, schema: object, body: Buffer): string[] {
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      return ['the body is not valid JSON'];
    }
    let validateFunction = this.compiled.get(key);
    if (!validateFunction) {
      validateFunction = this.ajv.compile(schema);
      this.compiled.set(key, validateFunction);
    }
    return validateFunction(data) ? [] : [describeErrors(validateFunction.errors ?? [])];
  }
}

/** The problem when an operation answered an error status its document does not declare. */
export function undeclaredErrorStatus(operation: OpenApiOperation, status: number): string | undefined {
  if (status < 400 || operation.responses[String(status)] || operation.responses.default) return undefined;
  return `error status ${status} is not declared for this operation`;
}

export function formatViolations(violations: ResponseViolation[]): string {
  const lines = violations.map(
    (violation) => `${violation.operation} → ${violation.status}: ${violation.problem}\n    body: ${violation.bodyExcerpt.replace(/\s+/g, ' ')}`,
  );
  return `${violations.length} response(s) do not match apps/api/openapi.json:\n${lines.join('\n')}`;
}

/**
 * Express middleware that keeps a copy of every response body and hands each finished response to
 * the validator; violations go to the sink, read when the test app closes.
 */
export function responseValidationMiddleware(validator: OpenApiResponseValidator, sink: ResponseViolation[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    response.on('finish', () => {
      const contentType = response.getHeader('content-type');
      sink.push(
        ...validator.check({
          method: request.method,
          url: request.originalUrl,
          status: response.statusCode,
          contentType: contentType === undefined ? undefined : String(contentType),
          body: Buffer.concat(chunks),
        }),
      );
    });
    next();
  };
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase();
}

/** A declared media type matches exactly or as a range ("*\/*", "image/*"). */
function mediaTypeMatches(declared: string, sent: string): boolean {
  if (declared === '*/*' || declared === sent) return true;
  return declared.endsWith('/*') && sent.startsWith(declared.slice(0, -1));
}

function isText(contentType: string | undefined): boolean {
  const type = mediaType(contentType);
  return type !== undefined && (type.startsWith('text/') || type.endsWith('json') || type.endsWith('xml'));
}

function isJson(contentType: string | undefined): boolean {
  return mediaType(contentType) === 'application/json';
}

/**
 * OpenAPI 3.0 schema → JSON Schema as ajv reads it: `nullable` becomes a union with null (also
 * around $ref and enum, which ajv's own `nullable` does not cover), and component references point
 * into the document registered under DOCUMENT_ID.
 */
export function toJsonSchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = value.replace('#/components/schemas/', `${DOCUMENT_ID}#/definitions/`);
    else if (key !== 'nullable') converted[key] = toJsonSchema(value);
  }
  if ((schema as Record<string, unknown>).nullable === true) return { anyOf: [converted, { type: 'null' }] } as T;
  return converted as T;
}

/**
 * A schema that lists its properties admits no others: a field the document does not name would be
 * invisible to a client generated from it.
 */
function closed(schema: object): object {
  if ('properties' in schema && !('additionalProperties' in schema)) return { ...schema, additionalProperties: false };
  return schema;
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('; ');
}

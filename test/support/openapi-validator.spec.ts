import { OpenApiDocument, OpenApiResponseValidator, ObservedResponse, undeclaredErrorStatus } from './openapi-validator';

const document: OpenApiDocument = {
  paths: {
    '/api/v1/meetings/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/MeetingDto' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } },
        },
      },
    },
    '/api/v1/meetings/plan': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } } } },
    '/api/v1/agenda-items/{id}': { delete: { responses: { '204': {} } } },
    '/api/v1/documents/{id}/content': { get: { responses: { '200': { content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } } } },
    '/api/v1/meetings/{id}/notice.docx': {
      get: { responses: { '200': { content: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } } } } },
    },
  },
  components: {
    schemas: {
      MeetingDto: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          cancelledAt: { type: 'string', format: 'date-time', nullable: true },
          secretary: { nullable: true, allOf: [{ $ref: '#/components/schemas/PersonDto' }] },
        },
        required: ['id', 'cancelledAt', 'secretary'],
      },
      PersonDto: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      ErrorResponseDto: {
        type: 'object',
        properties: { statusCode: { type: 'number' }, error: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
        required: ['statusCode', 'error', 'message', 'requestId'],
      },
    },
  },
};

const meetingId = '6f1c1b9e-8d1f-4f5e-9c43-0d6a0c8e1b2a';

function jsonResponse(method: string, url: string, status: number, body: unknown): ObservedResponse {
  return { method, url, status, contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(body)) };
}

describe('OpenApiResponseValidator', () => {
  const validator = new OpenApiResponseValidator(document);

  it('accepts a response that matches its schema, with null in nullable fields, including a nullable reference', () => {
    const violations = validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}?x=1`, 200, { id: meetingId, cancelledAt: null, secretary: null }));
    expect(violations).toEqual([]);
  });

  it('reports a response whose body breaks the schema, naming the operation, the status and the field', () => {
    const violations = validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 200, { id: meetingId, cancelledAt: {}, secretary: { name: 7 } }));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ operation: 'GET /api/v1/meetings/{id}', status: 200 });
    expect(violations[0].problem).toMatch(/\/cancelledAt.*\/secretary\/name/);
    expect(violations[0].bodyExcerpt).toContain('"cancelledAt":{}');
  });

  it('reports a field the schema does not name', () => {
    const violations = validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 200, { id: meetingId, cancelledAt: null, secretary: null, deletedAt: null }));
    expect(violations).toEqual([expect.objectContaining({ problem: expect.stringContaining('deletedAt') })]);
  });

  it('reports a success status the operation does not declare', () => {
    const violations = validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 201, { id: meetingId, cancelledAt: null, secretary: null }));
    expect(violations).toEqual([expect.objectContaining({ problem: 'status 201 is not declared for this operation' })]);
  });

  it('matches a literal path segment before a path parameter', () => {
    expect(validator.check(jsonResponse('GET', '/api/v1/meetings/plan', 200, ['a']))).toEqual([]);
  });

  it('reports a successful response to a path the document does not have', () => {
    expect(validator.check(jsonResponse('GET', '/api/v1/agendas', 200, []))).toEqual([
      expect.objectContaining({ operation: 'GET /api/v1/agendas', problem: expect.stringContaining('no operation') }),
    ]);
  });

  it('checks a download against the declared content type', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const download = (contentType: string): ObservedResponse => ({ method: 'GET', url: `/api/v1/meetings/${meetingId}/notice.docx`, status: 200, contentType, body: Buffer.from('PK') });
    expect(validator.check(download(docx))).toEqual([]);
    expect(validator.check(download('application/octet-stream'))).toEqual([expect.objectContaining({ problem: expect.stringContaining('application/octet-stream') })]);
  });

  it('accepts any media type where the document declares a range', () => {
    const stored: ObservedResponse = { method: 'GET', url: `/api/v1/documents/${meetingId}/content`, status: 200, contentType: 'application/pdf', body: Buffer.from('%PDF') };
    expect(validator.check(stored)).toEqual([]);
  });

  it('reports a body where the document declares none', () => {
    const deletion = (body: string): ObservedResponse => ({ method: 'DELETE', url: `/api/v1/agenda-items/${meetingId}`, status: 204, contentType: undefined, body: Buffer.from(body) });
    expect(validator.check(deletion(''))).toEqual([]);
    expect(validator.check(deletion('{}'))).toEqual([expect.objectContaining({ problem: expect.stringContaining('declares no body') })]);
  });

  it('holds every error to the one error shape', () => {
    const error = { statusCode: 404, error: 'NOT_FOUND', message: 'Resursen hittades inte', requestId: 'r1' };
    expect(validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 404, error))).toEqual([]);
    expect(validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 404, { message: 'not found' }))).toEqual([
      expect.objectContaining({ status: 404, problem: expect.stringContaining('statusCode') }),
    ]);
  });

  it('reports an error status the operation does not declare', () => {
    const error = { statusCode: 409, error: 'CONFLICT', message: 'Mötet är inställt', requestId: 'r1' };
    expect(validator.check(jsonResponse('GET', `/api/v1/meetings/${meetingId}`, 409, error))).toEqual([
      expect.objectContaining({ status: 409, problem: 'error status 409 is not declared for this operation' }),
    ]);
  });

  it('leaves public pages and other routes outside the API alone', () => {
    expect(validator.check({ method: 'GET', url: `/sammantraden/${meetingId}`, status: 200, contentType: 'text/html', body: Buffer.from('<html>') })).toEqual([]);
  });
});

describe('undeclaredErrorStatus', () => {
  const operation = document.paths['/api/v1/meetings/{id}'].get;

  it('names an error status the operation does not declare', () => {
    expect(undeclaredErrorStatus(operation, 409)).toBe('error status 409 is not declared for this operation');
  });

  it('accepts a declared error status, and success statuses are not its concern', () => {
    expect(undeclaredErrorStatus(operation, 404)).toBeUndefined();
    expect(undeclaredErrorStatus(operation, 200)).toBeUndefined();
  });
});

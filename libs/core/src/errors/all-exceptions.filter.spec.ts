import { ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { AllExceptionsFilter, isServiceUnavailable, malformedJsonDetail, RETRY_AFTER_SECONDS } from './all-exceptions.filter';
import { ConflictError, InvalidInputError } from './domain-error';

function respondWithHeaders(exception: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  const result = { status: 0, body: {} as Record<string, unknown>, headers: {} as Record<string, string> };
  const response = {
    setHeader(name: string, value: string) {
      result.headers[name] = value;
      return this;
    },
    status(code: number) {
      result.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      result.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return result;
}

function respond(exception: unknown): { status: number; body: Record<string, unknown> } {
  const { status, body } = respondWithHeaders(exception);
  return { status, body };
}

function databaseError(code: string, constraint: string): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error('db'), { code, constraint }));
}

describe('AllExceptionsFilter', () => {
  it('gives domain errors their own status, code and Swedish message', () => {
    expect(respond(new ConflictError('POSITION_TAKEN', 'Organet har redan en ordförande'))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'POSITION_TAKEN', message: 'Organet har redan en ordförande', details: undefined, requestId: 'req-1' },
    });
  });

  it('turns constraint violations from concurrent writes into 409, not 500', () => {
    expect(respond(databaseError('23P01', 'memberships_one_holder_per_position'))).toMatchObject({ status: 409, body: { error: 'OVERLAP' } });
    expect(respond(databaseError('23505', 'IDX_x'))).toMatchObject({ status: 409, body: { error: 'DUPLICATE' } });
  });

  it('turns a value the database cannot hold into 400, not 500', () => {
    expect(respond(databaseError('22003', ''))).toMatchObject({ status: 400, body: { error: 'INVALID_VALUE', message: 'Ett värde i begäran kan inte sparas', requestId: 'req-1' } });
    expect(respond(databaseError('22021', ''))).toMatchObject({ status: 400 });
  });

  describe('when PostgreSQL or Redis cannot be reached', () => {
    const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
    const unavailable = {
      'a refused connection (the server is down)': socketError('ECONNREFUSED'),
      'a connection reset mid-query': new QueryFailedError('INSERT …', [], socketError('ECONNRESET')),
      'admin_shutdown (57P01: the server was stopped under the query)': databaseError('57P01', ''),
      'crash_shutdown (57P02)': databaseError('57P02', ''),
      'cannot_connect_now (57P03: the server is starting or stopping)': Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      'a connection failure (08006)': databaseError('08006', ''),
      'a connection terminated under a query': new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
      "the pool's connection timeout": new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated') }),
      "the pool's wait for a free connection": new Error('timeout exceeded when trying to connect'),
      "the next query of a transaction whose connection was lost (TypeORM released its runner)": new QueryRunnerAlreadyReleasedError(),
      'the same, through the entity manager': new QueryRunnerProviderAlreadyReleasedError(),
      'a Redis that went away': new Error('Connection is closed.'),
      'a refusal wrapped as a cause': new Error('Failed to run the transaction', { cause: socketError('ECONNREFUSED') }),
    };

    it.each(Object.entries(unavailable))('answers %s with 503, a Swedish message and Retry-After', (_name, error) => {
      const answer = respondWithHeaders(error);
      expect(answer).toMatchObject({ status: 503, body: { statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.', requestId: 'req-1' } });
      expect(answer.headers['Retry-After']).toBe(String(RETRY_AFTER_SECONDS));
    });

    it('keeps other database errors and plain failures as they were, without Retry-After', () => {
      expect(respondWithHeaders(databaseError('23505', 'IDX_x'))).toMatchObject({ status: 409, headers: expect.not.objectContaining({ 'Retry-After': expect.anything() }) });
      expect(respondWithHeaders(databaseError('42P01', ''))).toMatchObject({ status: 500, headers: expect.not.objectContaining({ 'Retry-After': expect.anything() }) });
      expect(respondWithHeaders(new Error('Cannot read properties of undefined'))).toMatchObject({ status: 500 });
    });

    it('does not take a client that broke off its own request for an unavailable service', () => {
      expect(respond(new BadRequestException('aborted', { cause: Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) }))).toMatchObject({ status: 400 });
    });

    it('recognizes the errors by their code and words alone', () => {
      expect(isServiceUnavailable(Object.assign(new Error('x'), { code: '57P03' }))).toBe(true);
      expect(isServiceUnavailable(new QueryFailedError('x', [], Object.assign(new Error('duplicate key'), { code: '23505' })))).toBe(false);
      expect(isServiceUnavailable('Connection terminated')).toBe(false);
      expect(isServiceUnavailable(null)).toBe(false);
    });
  });

  it('answers framework errors in Swedish and hides internals of unexpected ones', () => {
    expect(respond(new NotFoundException())).toMatchObject({ status: 404, body: { error: 'NOT_FOUND', message: 'Resursen hittades inte' } });
    expect(respond(new BadRequestException({ swedishMessage: 'Ogiltiga uppgifter i fälten: name', details: [{ field: 'name', messages: ['x'] }] }))).toMatchObject({
      status: 400,
      body: { message: 'Ogiltiga uppgifter i fälten: name', details: [{ field: 'name', messages: ['x'] }] },
    });
    const internal = respond(new Error('password=secret at line 3'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('secret');
    expect(internal.body.requestId).toBe('req-1');
  });

  it('answers errors raised while the body is parsed, which the HTTP adapter wraps, in Swedish', () => {
    const malformed = Object.assign(new SyntaxError('Unexpected end of JSON input'), { type: 'entity.parse.failed' });
    expect(respond(new HttpException('Unexpected end of JSON input', 400, { cause: malformed }))).toMatchObject({
      status: 400,
      body: { error: 'MALFORMED_JSON', message: 'Begärans innehåll är inte giltig JSON', details: [{ field: '', messages: ['JSON-texten tar slut för tidigt'] }], requestId: 'req-1' },
    });
    expect(respond(new HttpException('deep', 400, { cause: new InvalidInputError('JSON_TOO_DEEP', 'För djupt') }))).toMatchObject({ status: 400, body: { error: 'JSON_TOO_DEEP', message: 'För djupt' } });
  });

  describe('malformedJsonDetail', () => {
    const detailOf = (body: string) => {
      try {
        JSON.parse(body);
      } catch (error) {
        return malformedJsonDetail((error as Error).message, body);
      }
      throw new Error('parsed');
    };

    it('names the line and column where the parser stopped', () => {
      expect(detailOf('{\n  "key": "x",\n  "name": "y",, \n}')).toBe('Oväntat tecken vid position 30 (rad 3, kolumn 15)');
      expect(detailOf("{'key': 1}")).toBe('Oväntat tecken vid position 1 (rad 1, kolumn 2)');
    });

    it('says when the text ends too early', () => {
      expect(detailOf('{"title": "Skola",')).toBe('JSON-texten tar slut för tidigt');
      expect(detailOf('{"a": [1, 2')).toBe('JSON-texten tar slut för tidigt');
      expect(detailOf('')).toBe('JSON-texten tar slut för tidigt');
    });
  });
});

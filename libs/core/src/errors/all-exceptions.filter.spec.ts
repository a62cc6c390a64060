import { ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, malformedJsonDetail } from './all-exceptions.filter';
import { ConflictError, InvalidInputError } from './domain-error';

function respond(exception: unknown): { status: number; body: Record<string, unknown> } {
  const result = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    setHeader() {
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

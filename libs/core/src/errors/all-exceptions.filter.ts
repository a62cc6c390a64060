import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException, Optional } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { allowedMethods } from '../http/allowed-methods';
import { DomainError, ErrorDetail } from './domain-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ErrorDetail[];
  requestId: string;
}

/** How long a client waits before it tries again when the database (or Redis) cannot be reached: about a restart or fail-over. */
export const RETRY_AFTER_SECONDS = 5;

/** PostgreSQL's codes for a server that is going away or not yet taking connections, and class 08, connection exceptions. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** The socket's codes when the server is down or the connection was cut. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * node-postgres says these in words only: a connection cut mid-query, and its pool's timeouts (connectionTimeoutMillis);
 * ioredis says the last when Redis has gone away.
 */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'Ogiltig begäran'],
  401: ['UNAUTHENTICATED', 'Du måste logga in'],
  403: ['FORBIDDEN', 'Du saknar behörighet för detta'],
  404: ['NOT_FOUND', 'Resursen hittades inte'],
  405: ['METHOD_NOT_ALLOWED', 'Metoden stöds inte för den här adressen'],
  409: ['CONFLICT', 'Åtgärden krockar med befintliga uppgifter'],
  413: ['PAYLOAD_TOO_LARGE', 'Begäran är för stor'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Begärans innehållstyp eller teckenkodning stöds inte'],
  429: ['TOO_MANY_REQUESTS', 'För många försök. Vänta en stund och försök igen.'],
};

/**
 * HTML error pages for public addresses (the publication library provides them under this token, so core does not
 * depend on it): null when the request is not for a public page, and the JSON body is answered.
 */
export const PUBLIC_ERROR_PAGES = Symbol.for('namndrum.PublicErrorPages');
export interface PublicErrorPageRenderer {
  render(request: Request, statusCode: number, message: string): string | null;
}

/** Maps every error to { statusCode, error, message, details?, requestId }; a 500 never leaks internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    @Optional() private readonly adapterHost?: HttpAdapterHost,
    @Optional() private readonly moduleRef?: ModuleRef,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const allowed = exception instanceof NotFoundException ? this.otherMethods(request) : [];
    if (allowed.length > 0) response.setHeader('Allow', allowed.join(', '));
    const answered = allowed.length > 0 ? new HttpException('Method Not Allowed', HttpStatus.METHOD_NOT_ALLOWED) : exception;
    const body = this.toBody(answered, String(request.id ?? ''));
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      this.logger.warn({ err: exception, requestId: body.requestId }, 'A service the request needs is unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    const page = this.publicPage(request, body);
    if (page !== null) {
      // A citizen's browser on a public page gets a page in Swedish, not JSON (the request id stays in a header).
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Cache-Control', 'no-store');
      if (body.requestId) response.setHeader('X-Request-Id', body.requestId);
      response.status(body.statusCode).send(page);
      return;
    }
    // Set outright: a route that answers HTML (a public page) has already set its own type. A refusal raised
    // while the body is parsed comes before the middleware that marks every answer as not to be stored.
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.status(body.statusCode).json(body);
  }

  private publicPage(request: Request, body: ErrorBody): string | null {
    let pages: PublicErrorPageRenderer | undefined;
    try {
      pages = this.moduleRef?.get<PublicErrorPageRenderer>(PUBLIC_ERROR_PAGES, { strict: false });
    } catch {
      return null;
    }
    return pages?.render(request, body.statusCode, body.message) ?? null;
  }

  /** When no route answers the request's method on its path but some answer others: those methods, for a 405. */
  private otherMethods(request: Request): string[] {
    const stack = (this.adapterHost?.httpAdapter?.getInstance() as { router?: { stack?: [] } } | undefined)?.router?.stack;
    if (!stack) return [];
    // The not-found handler is mounted under the global prefix, so request.path has lost it.
    const methods = allowedMethods(stack, request.originalUrl.split('?')[0]);
    const asked = request.method === 'HEAD' ? 'GET' : request.method;
    return methods.includes(asked) ? [] : methods;
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    // The HTTP adapter wraps an error a middleware raised (the body parser's, or one of ours) in an HttpException.
    const cause = exception instanceof HttpException ? (exception.cause as { type?: unknown; message?: unknown; body?: unknown } | undefined) : undefined;
    if (cause instanceof DomainError) return this.toBody(cause, requestId);
    if (cause?.type === 'entity.parse.failed') {
      // Field-less: the fault is in the document as a whole; the detail says where the parser stopped.
      const where = malformedJsonDetail(String(cause.message ?? ''), typeof cause.body === 'string' ? cause.body : '');
      return { statusCode: 400, error: 'MALFORMED_JSON', message: 'Begärans innehåll är inte giltig JSON', details: [{ field: '', messages: [where] }], requestId };
    }
    if (exception instanceof DomainError) {
      return { statusCode: exception.status, error: exception.code, message: exception.message, details: exception.details, requestId };
    }
    if (!(exception instanceof HttpException) && isServiceUnavailable(exception)) {
      // Nothing was acknowledged: the transaction was cut off or never began, so the request can be sent again.
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'SERVICE_UNAVAILABLE', message: 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.', requestId };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; constraint?: string } | undefined;
      if (driverError?.code === '23505') {
        return { statusCode: 409, error: 'DUPLICATE', message: 'Uppgiften finns redan', details: constraintDetail(driverError.constraint), requestId };
      }
      if (driverError?.code === '23P01') {
        // An exclusion constraint caught what the service checks missed under concurrent writes.
        return { statusCode: 409, error: 'OVERLAP', message: 'Uppgiften krockar med en annan under samma period', details: constraintDetail(driverError.constraint), requestId };
      }
      if (driverError?.code === '55000') {
        // A database rule guarding finished records (a signed report, the diarium's history) refused the change.
        return { statusCode: 409, error: 'LOCKED', message: 'Uppgiften är låst och kan inte ändras', requestId };
      }
      if (driverError?.code?.startsWith('22')) {
        // A data exception: a value the database cannot hold (an integer out of range, NUL in text) got past validation.
        this.logger.warn({ err: exception, requestId }, 'Input refused by the database');
        return { statusCode: 400, error: 'INVALID_VALUE', message: 'Ett värde i begäran kan inte sparas', requestId };
      }
      if (driverError?.code === '23503') {
        return { statusCode: 409, error: 'REFERENCED', message: 'Uppgiften hänger ihop med andra uppgifter', details: constraintDetail(driverError.constraint), requestId };
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const [code, message] = HTTP_MESSAGES[status] ?? ['ERROR', exception.message];
      const payload = exception.getResponse();
      const details = typeof payload === 'object' && payload !== null && 'details' in payload ? (payload as { details: ErrorDetail[] }).details : undefined;
      const ownMessage = typeof payload === 'object' && payload !== null && 'swedishMessage' in payload ? String((payload as { swedishMessage: string }).swedishMessage) : undefined;
      return { statusCode: status, error: code, message: ownMessage ?? message, details, requestId };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'INTERNAL', message: 'Ett oväntat fel inträffade. Ange begärans id om du kontaktar support.', requestId };
  }
}

/**
 * Whether the error says PostgreSQL (or Redis) could not be reached or went away (a restart, a fail-over, a pool that
 * found no connection in time), rather than that the request was wrong. TypeORM passes the driver's error as it is when no
 * connection could be had, and wraps it in a QueryFailedError when a query was cut off; both carry it in a cause too.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  // TypeORM releases a transaction's query runner when its connection fails; the request's next query then says so.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  return isServiceUnavailable(driverError, depth + 1) || isServiceUnavailable(cause, depth + 1);
}

/**
 * Where JSON.parse stopped, in Swedish: "Oväntat tecken vid position 47 (rad 3, kolumn 12)", or that the text
 * ends too early. V8's message carries the position; the line and column are counted in the body itself.
 */
export function malformedJsonDetail(parserMessage: string, body: string): string {
  const position = /at position (\d+)/.exec(parserMessage);
  if (!position) return /end of (JSON|data)/i.test(parserMessage) || body.trim() === '' ? 'JSON-texten tar slut för tidigt' : 'Texten kan inte läsas som JSON';
  const offset = Number(position[1]);
  if (offset >= body.length) return 'JSON-texten tar slut för tidigt';
  const before = body.slice(0, offset).split('\n');
  return `Oväntat tecken vid position ${offset} (rad ${before.length}, kolumn ${before[before.length - 1].length + 1})`;
}

function constraintDetail(constraint: string | undefined): ErrorDetail[] | undefined {
  return constraint ? [{ field: constraint, messages: ['constraint violated'] }] : undefined;
}

import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's response and request bodies, by their OpenAPI schema names. */
export type Schemas = components['schemas'];

/** Every call goes through this client, typed from the committed apps/api/openapi.json: an API change that breaks a page fails the type-check. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;

/** The session's CSRF token, learnt at sign-in or from GET auth/session; the cookie alone does not authorize a write. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

const sendCsrfToken: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};
api.use(sendCsrfToken);

export interface FieldProblem {
  field?: string;
  /** English, for integrators. */
  messages: string[];
  /** Swedish, for the person who filled in the field. */
  message?: string;
}

/** An answer other than 2xx, in the API's one error shape; `message` is Swedish and meant for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  /**
   * What is wrong with one field (`title`, or `groupMeetings` for `groupMeetings.0.startTime`), in Swedish:
   * the field's own message from validation, or the error's message when a rule names the field.
   */
  fieldMessage(field: string): string | undefined {
    const detail = this.details.find((candidate) => candidate.field === field || candidate.field?.startsWith(`${field}.`));
    if (!detail) return undefined;
    return detail.message ?? this.message;
  }
}

interface ErrorBody {
  error?: string;
  message?: string;
  details?: FieldProblem[];
  requestId?: string;
}

/** The data of a successful call, or an ApiError with the API's Swedish message. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof request>;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'NETWORK', 'Nämndrum kunde inte nås. Kontrollera nätverket och försök igen.');
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = (error ?? {}) as ErrorBody;
  throw new ApiError(response.status, body.error ?? 'ERROR', body.message ?? `Något gick fel (${response.status}).`, body.details ?? [], body.requestId);
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

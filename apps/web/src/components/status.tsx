import type { ReactNode } from 'react';
import { isApiError } from '../api/client';

/** Announced to screen readers while data loads; the page's heading is already in place. */
export function LoadingNotice({ label = 'Hämtar' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label} …
    </p>
  );
}

/** An error the user can act on, in Swedish, announced at once. */
export function ErrorNotice({ error, children }: { error: unknown; children?: ReactNode }) {
  const message = isApiError(error) ? error.message : 'Något gick fel. Ladda om sidan och försök igen.';
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}

/** A confirmation after a change, announced politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice-success" role="status">
      {children}
    </p>
  );
}

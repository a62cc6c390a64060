import { useEffect, type ReactNode } from 'react';

/** A page's heading and the browser tab's title, so each page is announced and found by its name. */
interface PageProps {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** True once the page's own data is shown; the benchmark and the browser tests wait for it (`[data-ready="true"]`). */
  ready?: boolean;
  children: ReactNode;
}

export function Page({ title, subtitle, actions, ready = true, children }: PageProps) {
  useEffect(() => {
    document.title = `${title} – Nämndrum`;
  }, [title]);
  return (
    <div className="page" data-ready={ready ? 'true' : 'false'} aria-busy={!ready}>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}

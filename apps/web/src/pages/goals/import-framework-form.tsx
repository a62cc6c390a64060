import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { isApiError, type ApiError } from '../../api/client';
import { ErrorNotice, SuccessNotice } from '../../components/status';
import { useImportFramework, type ImportResult } from './goal-frameworks-query';

/** Every error of the file, where it is ("Indikatorer!D14" or "framework.nodes[3].parent") and what is wrong. */
function ImportErrors({ error }: { error: ApiError }) {
  const summary = useRef<HTMLDivElement>(null);
  // Moved to at once, so that a keyboard or screen reader user lands on what to fix.
  useEffect(() => summary.current?.focus(), [error]);
  return (
    <div ref={summary} tabIndex={-1} className="notice notice-error" role="alert" aria-labelledby="inlasningsfel">
      <p id="inlasningsfel">{error.message}</p>
      {error.details.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Fel i filen</caption>
            <thead>
              <tr>
                <th scope="col">Plats</th>
                <th scope="col">Fel</th>
              </tr>
            </thead>
            <tbody>
              {error.details.map((detail, index) => (
                <tr key={`${detail.field ?? ''}-${index}`}>
                  <td>{detail.field ? <code>{detail.field}</code> : 'Hela filen'}</td>
                  <td>{(detail.message ? [detail.message] : detail.messages).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  return (
    <SuccessNotice>
      {result.changed ? `Styrmodellen ”${result.framework.name}” lästes in.` : `Styrmodellen ”${result.framework.name}” har redan samma innehåll. Inget ändrades.`}
    </SuccessNotice>
  );
}

/** "Läs in styrmodell": an Excel workbook (the template's sheets) or a JSON file in the documented format. */
export function ImportFrameworkForm() {
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const importFramework = useImportFramework();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissingFile(file === null);
    if (file) importFramework.mutate(file);
  };
  return (
    <section className="panel" aria-labelledby="las-in">
      <h2 id="las-in">Läs in styrmodell</h2>
      <p>
        Fyll i Excelmallen, eller exportera en styrmodell och ändra i den. En styrmodell med samma nyckel uppdateras; mål och resultatmått behåller sina kopplingar till ärenden. Inget sparas om filen innehåller fel.
      </p>
      <form className="form" onSubmit={submit} aria-labelledby="las-in">
        <div className="field">
          <label htmlFor="framework-file">Fil (Excel eller JSON)</label>
          <input
            id="framework-file"
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={missingFile ? true : undefined}
            aria-describedby={missingFile ? 'framework-file-error' : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissingFile(false);
              importFramework.reset();
            }}
          />
          {missingFile ? (
            <span id="framework-file-error" className="field-error">
              Välj en fil att läsa in.
            </span>
          ) : null}
        </div>
        <Button type="submit" className="button button-primary" isDisabled={importFramework.isPending}>
          {importFramework.isPending ? 'Läser in …' : 'Läs in'}
        </Button>
      </form>
      {importFramework.isSuccess ? <ImportOutcome result={importFramework.data} /> : null}
      {importFramework.isError ? isApiError(importFramework.error) ? <ImportErrors error={importFramework.error} /> : <ErrorNotice error={importFramework.error} /> : null}
    </section>
  );
}

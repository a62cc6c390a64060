import type { Schemas } from '../../api/client';
import { formatCalendarDate } from '../../format/dates';
import { DOCUMENT_DIRECTION_LABELS } from './labels';
import { MarkSecrecyDialog } from './mark-secrecy-dialog';
import { RegisterDocumentDialog } from './register-document-dialog';

interface MatterDocumentsProps {
  matter: Schemas['MatterDto'];
  documents: Schemas['DocumentDto'][];
  mayRegister: boolean;
}

/** The matter's handlingar with their OSL particulars; secret ones are marked, and left out by the API for readers without access. */
export function MatterDocuments({ matter, documents, mayRegister }: MatterDocumentsProps) {
  return (
    <section aria-labelledby="matter-documents-heading">
      <div className="section-header">
        <h2 id="matter-documents-heading">Handlingar</h2>
        {mayRegister ? <RegisterDocumentDialog matter={matter} /> : null}
      </div>
      {documents.length === 0 ? (
        <p>Inga handlingar.</p>
      ) : (
        <div className="table-scroll">
          <table className="table matter-documents">
            <caption className="visually-hidden">Handlingar i ärendet</caption>
            <thead>
              <tr>
                <th scope="col">Nummer</th>
                <th scope="col">Handling</th>
                <th scope="col">Typ</th>
                <th scope="col">Datum</th>
                <th scope="col">Avsändare eller mottagare</th>
                <th scope="col">Sekretess</th>
                {mayRegister ? <th scope="col"><span className="visually-hidden">Åtgärder</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <th scope="row">{document.documentNumber}</th>
                  <td>
                    <a href={`/api/v1/documents/${document.id}/content`} download={document.fileName}>
                      {document.title ?? document.description}
                    </a>
                    {document.title ? <p className="document-description">{document.description}</p> : null}
                  </td>
                  <td>{DOCUMENT_DIRECTION_LABELS[document.direction]}</td>
                  <td>{formatCalendarDate(document.documentDate)}</td>
                  <td>{document.counterparty ?? '–'}</td>
                  <td>{document.secret ? <span className="badge badge-warning">Sekretess, {document.secrecyProvision}</span> : 'Offentlig'}</td>
                  {mayRegister ? (
                    <td>
                      <MarkSecrecyDialog document={document} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice } from '../../components/status';
import { ImportFrameworkForm } from './import-framework-form';
import { useGoalFrameworks, type GoalFramework } from './goal-frameworks-query';

/** "2024" for a one-year framework, "2021–2025" otherwise. */
export function yearSpan(fromYear: number, toYear: number): string {
  return fromYear === toYear ? String(fromYear) : `${fromYear}–${toYear}`;
}

function FrameworksTable({ frameworks }: { frameworks: GoalFramework[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Kommunens styrmodeller</caption>
        <thead>
          <tr>
            <th scope="col">Styrmodell</th>
            <th scope="col">Period</th>
            <th scope="col">Beslutad</th>
            <th scope="col">Exportera</th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((framework) => (
            <tr key={framework.id}>
              <td>{framework.name}</td>
              <td>{yearSpan(framework.fromYear, framework.toYear)}</td>
              <td>{framework.source ?? '–'}</td>
              <td>
                {/* Downloads are files of the API, outside this app: ordinary links, sent with the session cookie. */}
                <a href={`/api/v1/goal-frameworks/${framework.id}/export.xlsx`} download aria-label={`${framework.name} som Excel`}>
                  Excel
                </a>{' '}
                <a href={`/api/v1/goal-frameworks/${framework.id}/export`} download={`${framework.key}.json`} aria-label={`${framework.name} som JSON`}>
                  JSON
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The municipality's goal models: which there are, each as Excel or JSON, and (for administrators) reading one in. */
export function GoalFrameworksPage() {
  const { user } = useSession();
  const frameworks = useGoalFrameworks();
  const canImport = user.grants.some((grant) => grant.role === 'admin');
  return (
    <Page
      title="Styrmodell"
      subtitle="Vision, mål, resultatmått med utfall och målvärden, och aktivitetsplaner. Läs in styrmodellen från det Excelark kommunen redan har, eller som JSON."
      ready={frameworks.isSuccess}
      actions={
        <a className="button" href="/api/v1/goal-frameworks/template.xlsx" download>
          Ladda ned Excelmallen
        </a>
      }
    >
      <section className="panel" aria-labelledby="styrmodeller">
        <h2 id="styrmodeller">Styrmodeller</h2>
        {frameworks.isPending ? <LoadingNotice /> : null}
        {frameworks.isError ? <ErrorNotice error={frameworks.error} /> : null}
        {frameworks.data?.length === 0 ? <p>Kommunen har ingen styrmodell inläst ännu.</p> : null}
        {frameworks.data && frameworks.data.length > 0 ? <FrameworksTable frameworks={frameworks.data} /> : null}
      </section>
      {canImport ? <ImportFrameworkForm /> : null}
    </Page>
  );
}

import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { TextInput } from '../../components/fields';
import { ErrorNotice } from '../../components/status';
import { ChoiceField, type Choice } from '../matters/choice-field';
import { ROLE_LABELS, roleScope, useRoleScopes, type MappedRole } from './identity-provider-queries';

/** A row of the table as typed: a key that follows the row when others are removed. */
export interface MappingRow {
  key: number;
  group: string;
  role: MappedRole;
  organId: string;
  departmentId: string;
}

let nextRowKey = 1;

export function mappingRows(mappings: Schemas['RoleMappingDto'][]): MappingRow[] {
  return mappings.map((mapping) => ({ key: nextRowKey++, group: mapping.group, role: mapping.role, organId: mapping.organId ?? '', departmentId: mapping.departmentId ?? '' }));
}

/** Each row's grant with only the scope its role takes, as the API wants it. */
export function roleMappingsBody(rows: MappingRow[]): Schemas['RoleMappingDto'][] {
  return rows.map((row) => {
    const scope = roleScope(row.role);
    return { group: row.group.trim(), role: row.role, organId: scope === 'organ' ? row.organId || null : null, departmentId: scope === 'department' ? row.departmentId || null : null };
  });
}

const ROLE_CHOICES: Choice[] = (Object.keys(ROLE_LABELS) as MappedRole[]).map((role) => ({ id: role, label: ROLE_LABELS[role] }));

/**
 * Which group gives which role: a table whose column headings name the fields, each field read out with
 * its row ("Grupp, rad 1"). An organ is chosen for a nämndsekreterare, a förvaltning for a förvaltningschef
 * or handläggare; an administratör is one for the whole municipality.
 */
export function RoleMappingsFields({ rows, onChange, error }: { rows: MappingRow[]; onChange: (rows: MappingRow[]) => void; error: unknown }) {
  const { organs, departments } = useRoleScopes();
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const update = (key: number, change: Partial<MappingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const key = nextRowKey++;
    setAddedKey(key);
    onChange([...rows, { key, group: '', role: 'secretary', organId: '', departmentId: '' }]);
  };
  // The focus goes on to the add button rather than be lost with the row.
  const remove = (key: number) => {
    onChange(rows.filter((candidate) => candidate.key !== key));
    addButton.current?.focus();
  };
  const organChoices: Choice[] = [{ id: '', label: 'Välj organ' }, ...(organs.data?.items ?? []).map((organ) => ({ id: organ.id, label: `${organ.name} (${organ.shortName})` }))];
  const departmentChoices: Choice[] = [{ id: '', label: 'Välj förvaltning' }, ...(departments.data?.items ?? []).map((department) => ({ id: department.id, label: department.name }))];

  return (
    <div className="role-mappings">
      {organs.isError || departments.isError ? <ErrorNotice error={organs.error ?? departments.error} /> : null}
      {rows.length === 0 ? (
        <p className="hint">Inga grupper ger roller ännu: den som loggar in får inga roller.</p>
      ) : (
        <div className="table-scroll">
          <table className="table role-mappings-table">
            <caption className="visually-hidden">Grupper och roller</caption>
            <thead>
              <tr>
                <th scope="col">Grupp</th>
                <th scope="col">Roll</th>
                <th scope="col">Organ eller förvaltning</th>
                <th scope="col">
                  <span className="visually-hidden">Ta bort</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const scope = roleScope(row.role);
                const number = index + 1;
                return (
                  <tr key={row.key}>
                    <td>
                      <TextInput label={`Grupp, rad ${number}`} hideLabel name={`roleMappings.${index}.group`} value={row.group} onChange={(group) => update(row.key, { group })} error={error} isRequired autoFocus={row.key === addedKey} />
                    </td>
                    <td>
                      <ChoiceField label={`Roll, rad ${number}`} hideLabel name={`roleMappings.${index}.role`} value={row.role} onChange={(role) => update(row.key, { role: role as MappedRole })} error={error} choices={ROLE_CHOICES} />
                    </td>
                    <td>
                      {scope === 'organ' ? (
                        <ChoiceField label={`Organ, rad ${number}`} hideLabel name={`roleMappings.${index}.organId`} value={row.organId} onChange={(organId) => update(row.key, { organId })} error={error} choices={organChoices} isRequired />
                      ) : scope === 'department' ? (
                        <ChoiceField label={`Förvaltning, rad ${number}`} hideLabel name={`roleMappings.${index}.departmentId`} value={row.departmentId} onChange={(departmentId) => update(row.key, { departmentId })} error={error} choices={departmentChoices} isRequired />
                      ) : (
                        <span className="role-scope-all">Hela kommunen</span>
                      )}
                    </td>
                    <td>
                      <Button className="button button-small button-quiet" onPress={() => remove(row.key)}>
                        Ta bort<span className="visually-hidden"> rad {number}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Button ref={addButton} className="button button-small" onPress={add}>
        Lägg till grupp
      </Button>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { TextInput } from '../../components/fields';
import { ChoiceField, type Choice } from './choice-field';
import { MATTER_STATUS_LABELS, MATTER_STATUSES } from './labels';

export interface MatterFilterValues {
  q: string;
  status: string;
  registryId: string;
  organId: string;
  departmentId: string;
  caseOfficerId: string;
  year: string;
}

interface MatterFiltersProps {
  values: MatterFilterValues;
  options: Schemas['DiariumOptionsDto'] | undefined;
  /** The list's error: a filter the API refuses is shown at its field. */
  error: unknown;
  onApply: (values: MatterFilterValues) => void;
}

const ALL: Choice = { id: '', label: 'Alla' };

/** The search and the filters; a choice applies at once, the words and the year when the search is made. */
export function MatterFilters({ values, options, error, onApply }: MatterFiltersProps) {
  const [draft, setDraft] = useState(values);
  // Back, forward and links change the address without this form: it follows them, keeping the focus where it is.
  const applied = JSON.stringify(values);
  useEffect(() => setDraft(JSON.parse(applied) as MatterFilterValues), [applied]);
  const choose = (name: keyof MatterFilterValues) => (value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    onApply(next);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  const named = (items: { id: string; name: string }[] | undefined): Choice[] => [ALL, ...(items ?? []).map((item) => ({ id: item.id, label: item.name }))];

  return (
    <Form onSubmit={submit} role="search" className="panel matter-filter-form" aria-label="Sök ärenden">
        <div className="form-row">
          <TextInput
            label="Sök"
            name="q"
            type="search"
            value={draft.q}
            onChange={(q) => setDraft({ ...draft, q })}
            description="Ord i rubrik, beskrivning, tjänsteskrivelse eller handling, eller ett diarienummer"
            error={error}
            className="matter-search"
          />
          <TextInput label="År" name="year" type="number" value={draft.year} onChange={(year) => setDraft({ ...draft, year })} error={error} className="matter-year" />
          <Button type="submit" className="button button-primary matter-search-button">
            Sök
          </Button>
        </div>
        <div className="form-row">
          <ChoiceField label="Status" name="status" value={draft.status} onChange={choose('status')} error={error} choices={[ALL, ...MATTER_STATUSES.map((status) => ({ id: status, label: MATTER_STATUS_LABELS[status] }))]} />
          <ChoiceField
            label="Diarium"
            name="registryId"
            value={draft.registryId}
            onChange={choose('registryId')}
            error={error}
            choices={[ALL, ...(options?.registries ?? []).map((registry) => ({ id: registry.id, label: `${registry.code} – ${registry.name}` }))]}
          />
          <ChoiceField label="Organ" name="organId" value={draft.organId} onChange={choose('organId')} error={error} choices={named(options?.organs)} />
          <ChoiceField label="Förvaltning" name="departmentId" value={draft.departmentId} onChange={choose('departmentId')} error={error} choices={named(options?.departments)} />
          <ChoiceField label="Handläggare" name="caseOfficerId" value={draft.caseOfficerId} onChange={choose('caseOfficerId')} error={error} choices={named(options?.caseOfficers)} />
        </div>
      </Form>
  );
}

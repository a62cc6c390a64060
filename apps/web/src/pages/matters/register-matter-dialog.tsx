import { useState, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal } from 'react-aria-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { secretaryOrganIds, useSession } from '../../auth/session';
import { FormError, TextInput } from '../../components/fields';
import { CheckField } from './check-field';
import { ChoiceField } from './choice-field';

type Options = Schemas['DiariumOptionsDto'];

/** The registry a secretary most likely registers in: the first active one of an organ they serve as secretary. */
function preferredRegistryId(options: Options, organIds: string[]): string {
  const active = options.registries.filter((registry) => registry.active);
  return (active.find((registry) => registry.organId && organIds.includes(registry.organId)) ?? active[0])?.id ?? '';
}

/** "Registrera ärende": the particulars of a new matter; the API gives it the registry's next case number and the matter's page opens. */
export function RegisterMatterDialog({ options }: { options: Options }) {
  return (
    <DialogTrigger>
      <Button className="button button-primary">Registrera ärende</Button>
      <Modal isDismissable>
        <Dialog aria-labelledby="register-matter-heading">
          {({ close }) => <RegisterMatterForm options={options} onCancel={close} />}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function RegisterMatterForm({ options, onCancel }: { options: Options; onCancel: () => void }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [registryId, setRegistryId] = useState(() => preferredRegistryId(options, secretaryOrganIds(user)));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [caseOfficerId, setCaseOfficerId] = useState('');
  const [classification, setClassification] = useState('');
  const [secret, setSecret] = useState(false);
  const [secrecyProvision, setSecrecyProvision] = useState('');
  const [publicTitle, setPublicTitle] = useState('');
  const [personalData, setPersonalData] = useState(false);
  const [exerciseOfPublicAuthority, setExerciseOfPublicAuthority] = useState(false);

  const register = useMutation({
    mutationFn: (body: Schemas['RegisterMatterDto']) => call(api.POST('/api/v1/matters', { body })),
    onSuccess: async (matter) => {
      await queryClient.invalidateQueries({ queryKey: ['matters'] });
      void navigate(`/arenden/${matter.id}`, { state: { registered: matter.caseNumber } });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    register.mutate({
      registryId,
      title,
      description: description.trim() || null,
      departmentId: departmentId || null,
      caseOfficerId: caseOfficerId || null,
      classification: classification.trim() || null,
      secret,
      secrecyProvision: secret ? secrecyProvision : null,
      publicTitle: secret ? publicTitle.trim() || null : null,
      personalData,
      exerciseOfPublicAuthority,
    });
  };

  const activeRegistries = options.registries.filter((registry) => registry.active);
  return (
    <Form onSubmit={submit} className="form" aria-labelledby="register-matter-heading">
      <Heading slot="title" id="register-matter-heading">
        Registrera ärende
      </Heading>
      <ChoiceField
        label="Diarium"
        name="registryId"
        isRequired
        value={registryId}
        onChange={setRegistryId}
        error={register.error}
        choices={activeRegistries.map((registry) => ({ id: registry.id, label: `${registry.code} – ${registry.name}` }))}
      />
      <TextInput label="Rubrik" name="title" isRequired value={title} onChange={setTitle} error={register.error} autoFocus />
      <TextInput label="Beskrivning" name="description" multiline rows={3} value={description} onChange={setDescription} error={register.error} />
      <div className="form-row">
        <ChoiceField
          label="Förvaltning"
          name="departmentId"
          value={departmentId}
          onChange={setDepartmentId}
          error={register.error}
          choices={[{ id: '', label: 'Diariets förvaltning' }, ...options.departments.map((department) => ({ id: department.id, label: department.name }))]}
        />
        <ChoiceField
          label="Handläggare"
          name="caseOfficerId"
          value={caseOfficerId}
          onChange={setCaseOfficerId}
          error={register.error}
          choices={[{ id: '', label: 'Ingen ännu' }, ...options.caseOfficers.map((person) => ({ id: person.id, label: person.name }))]}
        />
      </div>
      <TextInput label="Klassificering" name="classification" description="Kod i klassificeringsstrukturen, till exempel 1.2.1" value={classification} onChange={setClassification} error={register.error} />
      <fieldset className="matter-flags">
        <legend>Skydd</legend>
        <CheckField isSelected={secret} onChange={setSecret}>
          Sekretessärende
        </CheckField>
        {secret ? (
          <>
            <TextInput label="Sekretessbestämmelse" name="secrecyProvision" description="Till exempel OSL 26 kap. 1 §" isRequired value={secrecyProvision} onChange={setSecrecyProvision} error={register.error} />
            <TextInput label="Rubrik för den som saknar behörighet" name="publicTitle" description="Annars visas ”Sekretessärende”" value={publicTitle} onChange={setPublicTitle} error={register.error} />
          </>
        ) : null}
        <CheckField isSelected={personalData} onChange={setPersonalData}>
          Innehåller personuppgifter (beslut och handlingar publiceras inte)
        </CheckField>
        <CheckField isSelected={exerciseOfPublicAuthority} onChange={setExerciseOfPublicAuthority}>
          Myndighetsutövning (behandlas aldrig offentligt)
        </CheckField>
      </fieldset>
      <FormError error={register.error} />
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isDisabled={register.isPending}>
          {register.isPending ? 'Registrerar …' : 'Registrera'}
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}

import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Label, Modal, ModalOverlay, Radio, RadioGroup, Text } from 'react-aria-components';
import { FormError, TextInput } from '../../components/fields';
import { CheckField } from '../matters/check-field';
import {
  PROTOCOL_LABELS,
  useCreateProvider,
  useUpdateProvider,
  type IdentityProvider,
  type ProviderBody,
  type ProviderChange,
  type ProviderProtocol,
  type RoleSource,
} from './identity-provider-queries';
import { ProviderAddresses } from './provider-addresses';
import { mappingRows, roleMappingsBody, RoleMappingsFields, type MappingRow } from './role-mappings-fields';

interface ProviderFormValues {
  displayName: string;
  key: string;
  protocol: ProviderProtocol;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** As typed: separated by spaces. */
  scopes: string;
  metadataXml: string;
  subjectClaim: string;
  emailClaim: string;
  linkByEmail: boolean;
  createUsers: boolean;
  roleSource: RoleSource;
  groupsClaim: string;
  roleMappings: MappingRow[];
}

const DEFAULT_SUBJECT_CLAIM: Record<ProviderProtocol, string> = { oidc: 'sub', saml: 'nameID' };
const DEFAULT_SCOPES = 'openid profile email';

function formValues(provider: IdentityProvider | undefined): ProviderFormValues {
  if (!provider) {
    return {
      displayName: '',
      key: '',
      protocol: 'oidc',
      issuer: '',
      clientId: '',
      clientSecret: '',
      scopes: DEFAULT_SCOPES,
      metadataXml: '',
      subjectClaim: DEFAULT_SUBJECT_CLAIM.oidc,
      emailClaim: 'email',
      linkByEmail: false,
      createUsers: false,
      roleSource: 'namndrum',
      groupsClaim: 'groups',
      roleMappings: [],
    };
  }
  return {
    displayName: provider.displayName,
    key: provider.key,
    protocol: provider.protocol,
    issuer: provider.oidc?.issuer ?? '',
    clientId: provider.oidc?.clientId ?? '',
    clientSecret: '',
    scopes: provider.oidc?.scopes.join(' ') ?? DEFAULT_SCOPES,
    // The stored metadata is not answered, only what was read from it: empty keeps it.
    metadataXml: '',
    subjectClaim: provider.subjectClaim,
    emailClaim: provider.emailClaim,
    linkByEmail: provider.linkByEmail,
    createUsers: provider.createUsers,
    roleSource: provider.roleSource,
    groupsClaim: provider.groupsClaim ?? 'groups',
    roleMappings: mappingRows(provider.roleMappings),
  };
}

const scopesOf = (typed: string) => typed.split(/[\s,]+/).filter(Boolean);
const optional = (typed: string) => typed.trim() || undefined;

/** What every save sends: the fields the two protocols share. */
function sharedFields(values: ProviderFormValues): ProviderChange {
  const fromGroups = values.roleSource === 'provider';
  return {
    displayName: values.displayName.trim(),
    subjectClaim: optional(values.subjectClaim),
    emailClaim: optional(values.emailClaim),
    linkByEmail: values.linkByEmail,
    createUsers: values.createUsers,
    roleSource: values.roleSource,
    groupsClaim: fromGroups ? values.groupsClaim.trim() : null,
    roleMappings: fromGroups ? roleMappingsBody(values.roleMappings) : [],
  };
}

function createBody(values: ProviderFormValues): ProviderBody {
  return {
    ...sharedFields(values),
    displayName: values.displayName.trim(),
    key: values.key.trim(),
    protocol: values.protocol,
    roleSource: values.roleSource,
    enabled: true,
    oidc: values.protocol === 'oidc' ? { issuer: values.issuer.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret || undefined, scopes: scopesOf(values.scopes) } : undefined,
    saml: values.protocol === 'saml' ? { metadataXml: values.metadataXml } : undefined,
  };
}

/**
 * A change sends the OIDC settings only when one of them changed (the API reads the provider's discovery
 * again each time it gets them), an empty secret keeps the stored one, and empty metadata the stored metadata.
 */
function changeBody(values: ProviderFormValues, provider: IdentityProvider): ProviderChange {
  const change = sharedFields(values);
  if (provider.oidc) {
    const oidcChanged =
      values.issuer.trim() !== provider.oidc.issuer ||
      values.clientId.trim() !== provider.oidc.clientId ||
      scopesOf(values.scopes).join(' ') !== provider.oidc.scopes.join(' ') ||
      values.clientSecret !== '';
    if (oidcChanged) change.oidc = { issuer: values.issuer.trim(), clientId: values.clientId.trim(), clientSecret: values.clientSecret || undefined, scopes: scopesOf(values.scopes) };
  }
  if (provider.saml && values.metadataXml.trim()) change.saml = { metadataXml: values.metadataXml };
  return change;
}

/** "Lägg till inloggningstjänst", or "Ändra" on a provider's row; once saved, the addresses to register at the provider. */
export function IdentityProviderDialog({ provider }: { provider?: IdentityProvider }) {
  return (
    <DialogTrigger>
      {provider ? (
        <Button className="button button-small">
          Ändra<span className="visually-hidden"> {provider.displayName}</span>
        </Button>
      ) : (
        <Button className="button button-primary">Lägg till inloggningstjänst</Button>
      )}
      <ModalOverlay>
        <Modal className="react-aria-Modal provider-modal">
          <Dialog>{({ close }) => <ProviderDialogContent provider={provider} close={close} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function ProviderDialogContent({ provider, close }: { provider?: IdentityProvider; close: () => void }) {
  const [saved, setSaved] = useState<IdentityProvider | null>(null);
  if (saved) return <SavedProvider provider={saved} isNew={!provider} close={close} />;
  return <ProviderForm provider={provider} onSaved={setSaved} close={close} />;
}

/** After saving: what the provider must be told about Nämndrum. The focus moves to its heading. */
function SavedProvider({ provider, isNew, close }: { provider: IdentityProvider; isNew: boolean; close: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="form">
      <Heading slot="title" level={2} ref={heading} tabIndex={-1}>
        {isNew ? 'Inloggningstjänsten är tillagd' : 'Ändringarna är sparade'}
      </Heading>
      <p>
        {provider.displayName} ({PROTOCOL_LABELS[provider.protocol]}, nyckel {provider.key}) {provider.enabled ? 'visas som ”Logga in med ' + provider.displayName + '” på inloggningssidan.' : 'är avstängd.'}
      </p>
      <h3>Registrera hos leverantören</h3>
      <ProviderAddresses provider={provider} />
      <div className="form-actions">
        <Button className="button button-primary" onPress={close}>
          Stäng
        </Button>
      </div>
    </div>
  );
}

function ProviderForm({ provider, onSaved, close }: { provider?: IdentityProvider; onSaved: (provider: IdentityProvider) => void; close: () => void }) {
  const headingId = useId();
  const [values, setValues] = useState(() => formValues(provider));
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const save = provider ? update : create;
  const error = save.error;
  const set = (change: Partial<ProviderFormValues>) => setValues((current) => ({ ...current, ...change }));

  const chooseProtocol = (protocol: ProviderProtocol) =>
    setValues((current) => ({
      ...current,
      protocol,
      // The identifying claim follows the protocol's default unless one was typed.
      subjectClaim: current.subjectClaim === DEFAULT_SUBJECT_CLAIM[current.protocol] || !current.subjectClaim.trim() ? DEFAULT_SUBJECT_CLAIM[protocol] : current.subjectClaim,
    }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (provider) update.mutate({ id: provider.id, change: changeBody(values, provider) }, { onSuccess: onSaved });
    else create.mutate(createBody(values), { onSuccess: onSaved });
  };

  const name = values.displayName.trim();
  return (
    <Form onSubmit={submit} className="form provider-form" aria-labelledby={headingId}>
      <Heading slot="title" level={2} id={headingId}>
        {provider ? `Ändra ${provider.displayName}` : 'Lägg till inloggningstjänst'}
      </Heading>
      {provider ? (
        <section className="provider-registered" aria-labelledby={`${headingId}-registered`}>
          <h3 id={`${headingId}-registered`}>Registrerat hos leverantören</h3>
          <ProviderAddresses provider={provider} />
        </section>
      ) : null}
      <TextInput
        label="Namn på knappen"
        name="displayName"
        value={values.displayName}
        onChange={(displayName) => set({ displayName })}
        error={error}
        isRequired
        autoFocus
        description={`På inloggningssidan: ”Logga in med ${name || '…'}”`}
      />
      <TextInput
        label="Nyckel"
        name="key"
        value={values.key}
        onChange={(key) => set({ key })}
        error={error}
        isRequired={!provider}
        isReadOnly={Boolean(provider)}
        description={
          provider
            ? 'Nyckeln kan inte ändras: den ingår i adresserna som är registrerade hos leverantören.'
            : 'Små bokstäver (a–z), siffror och bindestreck, till exempel ludvika. Nyckeln ingår i adresserna som registreras hos leverantören och kan inte ändras senare.'
        }
      />
      <RadioGroup className="field" value={values.protocol} onChange={(protocol) => chooseProtocol(protocol as ProviderProtocol)} isReadOnly={Boolean(provider)} orientation="horizontal">
        <Label>Protokoll</Label>
        <div className="radio-options">
          {(Object.keys(PROTOCOL_LABELS) as ProviderProtocol[]).map((protocol) => (
            <Radio key={protocol} value={protocol} className="radio-option">
              {PROTOCOL_LABELS[protocol]}
            </Radio>
          ))}
        </div>
        {provider ? <Text slot="description">Protokollet kan inte ändras.</Text> : null}
      </RadioGroup>
      {values.protocol === 'oidc' ? <OidcFields values={values} set={set} error={error} provider={provider} /> : <SamlFields values={values} set={set} error={error} provider={provider} />}
      <fieldset className="form-group">
        <legend>Användare</legend>
        <div className="form-row">
          <TextInput
            label="Identifierande anspråk"
            name="subjectClaim"
            value={values.subjectClaim}
            onChange={(subjectClaim) => set({ subjectClaim })}
            error={error}
            description={values.protocol === 'oidc' ? 'Ett värde som aldrig ändras för personen: sub, eller oid för Microsoft Entra ID.' : 'nameID för ett beständigt NameID, eller ett attribut med ett id som aldrig ändras.'}
          />
          <TextInput label="E-postanspråk" name="emailClaim" value={values.emailClaim} onChange={(emailClaim) => set({ emailClaim })} error={error} description={values.protocol === 'oidc' ? 'Vanligen email.' : 'Attributets namn, till exempel email.'} />
        </div>
        <CheckField isSelected={values.linkByEmail} onChange={(linkByEmail) => set({ linkByEmail })}>
          Koppla till befintligt konto via verifierad e-postadress
        </CheckField>
        <CheckField isSelected={values.createUsers} onChange={(createUsers) => set({ createUsers })}>
          Skapa konto vid första inloggningen
        </CheckField>
      </fieldset>
      <fieldset className="form-group">
        <legend>Roller</legend>
        <RadioGroup className="field" value={values.roleSource} onChange={(roleSource) => set({ roleSource: roleSource as RoleSource })}>
          <Label>Roller hämtas från</Label>
          <div className="radio-options radio-options-stacked">
            <Radio value="namndrum" className="radio-option">
              Nämndrum (tilldelas här)
            </Radio>
            <Radio value="provider" className="radio-option">
              Leverantörens grupper
            </Radio>
          </div>
          <Text slot="description">
            {values.roleSource === 'provider'
              ? 'Vid varje inloggning får användaren rollerna för sina grupper hos leverantören; roller som getts i Nämndrum ersätts.'
              : 'Leverantören säger vem användaren är; rollerna ges i Nämndrum.'}
          </Text>
        </RadioGroup>
        {values.roleSource === 'provider' ? (
          <>
            <TextInput label="Gruppanspråk" name="groupsClaim" value={values.groupsClaim} onChange={(groupsClaim) => set({ groupsClaim })} error={error} isRequired description="Anspråket eller attributet som listar användarens grupper, till exempel groups." />
            <RoleMappingsFields rows={values.roleMappings} onChange={(roleMappings) => set({ roleMappings })} error={error} />
          </>
        ) : null}
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <Button type="submit" className="button button-primary" isDisabled={save.isPending}>
          {save.isPending ? 'Sparar …' : 'Spara'}
        </Button>
        <Button className="button" onPress={close}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}

interface ProtocolFieldsProps {
  values: ProviderFormValues;
  set: (change: Partial<ProviderFormValues>) => void;
  error: unknown;
  provider?: IdentityProvider;
}

function OidcFields({ values, set, error, provider }: ProtocolFieldsProps) {
  const secretStored = provider?.oidc?.hasClientSecret ?? false;
  return (
    <fieldset className="form-group">
      <legend>OpenID Connect</legend>
      <TextInput
        label="Utfärdare"
        name="oidc.issuer"
        type="url"
        value={values.issuer}
        onChange={(issuer) => set({ issuer })}
        error={error}
        isRequired
        description="Leverantörens adress (issuer), till exempel https://login.microsoftonline.com/<katalog-id>/v2.0. Nämndrum läser dess /.well-known/openid-configuration när du sparar."
      />
      <div className="form-row">
        <TextInput label="Klient-id" name="oidc.clientId" value={values.clientId} onChange={(clientId) => set({ clientId })} error={error} isRequired />
        <TextInput
          label="Klienthemlighet"
          name="oidc.clientSecret"
          type="password"
          autoComplete="new-password"
          value={values.clientSecret}
          onChange={(clientSecret) => set({ clientSecret })}
          error={error}
          description={secretStored ? 'En hemlighet är sparad. Lämna fältet tomt för att behålla den.' : 'Sparas krypterad och visas aldrig igen.'}
        />
      </div>
      <TextInput label="Scopes" name="oidc.scopes" value={values.scopes} onChange={(scopes) => set({ scopes })} error={error} description="Åtskilda med mellanslag. För Microsoft Entra ID, lägg till offline_access." />
    </fieldset>
  );
}

function SamlFields({ values, set, error, provider }: ProtocolFieldsProps) {
  const fileId = useId();
  const [fileRead, setFileRead] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      set({ metadataXml: await file.text() });
      setFileRead(`Metadata inläst från ${file.name}.`);
      setFileProblem(null);
    } catch {
      setFileRead(null);
      setFileProblem(`Filen ${file.name} kunde inte läsas.`);
    }
  };
  const stored = provider?.saml;
  return (
    <fieldset className="form-group">
      <legend>SAML 2.0</legend>
      {stored ? (
        <p className="hint">
          Sparad metadata från {stored.idpEntityId}, inloggningsadress {stored.ssoUrl}.
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fileId}>Läs in metadata från fil</label>
        <input
          id={fileId}
          type="file"
          accept=".xml,application/xml,text/xml,application/samlmetadata+xml"
          aria-invalid={fileProblem ? true : undefined}
          aria-describedby={fileProblem ? `${fileId}-error` : undefined}
          onChange={(event) => void readFile(event)}
        />
        {fileProblem ? (
          <span id={`${fileId}-error`} className="field-error">
            {fileProblem}
          </span>
        ) : null}
      </div>
      <TextInput
        label="Metadata (XML)"
        name="saml.metadataXml"
        multiline
        rows={8}
        className="metadata-field"
        value={values.metadataXml}
        onChange={(metadataXml) => set({ metadataXml })}
        error={error}
        isRequired={!stored}
        description={stored ? 'Lämna tomt för att behålla den sparade metadatan. Klistra in ny när leverantören byter certifikat.' : 'Leverantörens SAML 2.0-metadata: klistra in den eller läs in filen.'}
      />
      <p className="hint" role="status">
        {fileRead}
      </p>
    </fieldset>
  );
}


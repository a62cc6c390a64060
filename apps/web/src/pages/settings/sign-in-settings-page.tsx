import { useEffect, useId, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay, Switch } from 'react-aria-components';
import { isMunicipalityAdmin, useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { ErrorNotice, LoadingNotice, SuccessNotice } from '../../components/status';
import { IdentityProviderDialog } from './identity-provider-dialog';
import { PROTOCOL_LABELS, useIdentityProviders, useRemoveProvider, useSetPasswordSignIn, useUpdateProvider, type IdentityProvider } from './identity-provider-queries';

/**
 * Inloggning: the municipality's identity providers and whether its users may still sign in with a
 * password. The municipality's administratör only (permission identity_providers.manage).
 */
export function SignInSettingsPage() {
  const { user } = useSession();
  if (!isMunicipalityAdmin(user)) {
    return (
      <Page title="Inloggning">
        <p>Bara kommunens administratör kan ändra hur kommunens användare loggar in.</p>
      </Page>
    );
  }
  return <SignInSettings />;
}

function SignInSettings() {
  const settings = useIdentityProviders();
  if (settings.isPending) {
    return (
      <Page title="Inloggning" ready={false}>
        <LoadingNotice label="Hämtar inloggningstjänsterna" />
      </Page>
    );
  }
  if (settings.isError) {
    return (
      <Page title="Inloggning">
        <ErrorNotice error={settings.error} />
      </Page>
    );
  }
  const { providers, passwordSignIn } = settings.data;
  return (
    <Page title="Inloggning" subtitle="Hur kommunens användare loggar in i Nämndrum" actions={<IdentityProviderDialog />}>
      <ProvidersSection providers={providers} />
      <PasswordSignInSection passwordSignIn={passwordSignIn} hasEnabledProvider={providers.some((provider) => provider.enabled)} />
    </Page>
  );
}

function ProvidersSection({ providers }: { providers: IdentityProvider[] }) {
  const headingId = useId();
  const toggle = useUpdateProvider();
  const [toggled, setToggled] = useState<IdentityProvider | null>(null);
  const [removed, setRemoved] = useState<IdentityProvider | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const setEnabled = (provider: IdentityProvider, enabled: boolean) => {
    setToggled(null);
    setRemoved(null);
    toggle.mutate({ id: provider.id, change: { enabled } }, { onSuccess: setToggled });
  };
  const onRemoved = (provider: IdentityProvider) => {
    setToggled(null);
    setRemoved(provider);
  };
  // The removed provider's row, and the button that opened the question, are gone: the focus goes to the list's heading.
  const removedGone = removed !== null && !providers.some((provider) => provider.id === removed.id);
  useEffect(() => {
    if (removedGone) heading.current?.focus();
  }, [removedGone]);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Inloggningstjänster
      </h2>
      {providers.length === 0 ? (
        <p>Kommunen har ingen inloggningstjänst. Användarna loggar in med e-postadress och lösenord.</p>
      ) : (
        <div className="table-scroll">
          <table className="table providers-table">
            <caption className="visually-hidden">Kommunens inloggningstjänster</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Protokoll</th>
                <th scope="col">Status</th>
                <th scope="col">Nyckel</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärder</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {providers.map((provider) => (
                <tr key={provider.id} data-provider-key={provider.key}>
                  <th scope="row">{provider.displayName}</th>
                  <td>{PROTOCOL_LABELS[provider.protocol]}</td>
                  <td>{provider.enabled ? <span className="badge badge-success">På</span> : <span className="badge">Av</span>}</td>
                  <td>
                    <code>{provider.key}</code>
                  </td>
                  <td>
                    <div className="button-row">
                      <IdentityProviderDialog provider={provider} />
                      <Button className="button button-small" isDisabled={toggle.isPending} onPress={() => setEnabled(provider, !provider.enabled)}>
                        {provider.enabled ? 'Stäng av' : 'Slå på'}
                        <span className="visually-hidden"> {provider.displayName}</span>
                      </Button>
                      <RemoveProviderDialog provider={provider} onRemoved={onRemoved} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {toggle.isError ? <ErrorNotice error={toggle.error} /> : null}
      {removedGone ? <SuccessNotice>{removed.displayName} är borttagen.</SuccessNotice> : null}
      {toggled ? <SuccessNotice>{toggled.enabled ? `${toggled.displayName} är påslagen och visas på inloggningssidan.` : `${toggled.displayName} är avstängd och visas inte längre på inloggningssidan.`}</SuccessNotice> : null}
    </section>
  );
}

/** "Ta bort" on a provider's row, with a question first: its users keep their accounts, their sessions through it end. */
function RemoveProviderDialog({ provider, onRemoved }: { provider: IdentityProvider; onRemoved: (provider: IdentityProvider) => void }) {
  return (
    <DialogTrigger>
      <Button className="button button-small button-danger">
        Ta bort<span className="visually-hidden"> {provider.displayName}</span>
      </Button>
      <ModalOverlay isDismissable>
        <Modal>
          <Dialog role="alertdialog">{({ close }) => <RemoveProvider provider={provider} close={close} onRemoved={onRemoved} />}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function RemoveProvider({ provider, close, onRemoved }: { provider: IdentityProvider; close: () => void; onRemoved: (provider: IdentityProvider) => void }) {
  const remove = useRemoveProvider();
  return (
    <div className="form">
      <Heading slot="title" level={2}>
        Ta bort {provider.displayName}?
      </Heading>
      <p>Knappen ”Logga in med {provider.displayName}” försvinner från inloggningssidan. Användarna behåller sina konton i Nämndrum, men de som är inloggade genom tjänsten loggas ut.</p>
      <p>
        Adresserna med nyckeln <code>{provider.key}</code> slutar att fungera. Ta bort registreringen hos leverantören också.
      </p>
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
      <div className="form-actions">
        <Button className="button button-danger" isDisabled={remove.isPending} onPress={() => remove.mutate(provider.id, { onSuccess: () => { close(); onRemoved(provider); } })}>
          {remove.isPending ? 'Tar bort …' : 'Ta bort'}
        </Button>
        <Button className="button" onPress={close} autoFocus>
          Avbryt
        </Button>
      </div>
    </div>
  );
}

/**
 * "Tillåt inloggning med lösenord". The API refuses to turn it off without an enabled provider, and to an
 * admin who signed in with a password (SIGN_IN_WITH_PROVIDER_FIRST): its Swedish reason is shown under the switch.
 */
function PasswordSignInSection({ passwordSignIn, hasEnabledProvider }: { passwordSignIn: boolean; hasEnabledProvider: boolean }) {
  const headingId = useId();
  const hintId = useId();
  const { signedInWith } = useSession();
  const setPasswordSignIn = useSetPasswordSignIn();
  const [changedTo, setChangedTo] = useState<boolean | null>(null);
  const change = (allowed: boolean) => {
    setChangedTo(null);
    setPasswordSignIn.mutate(allowed, { onSuccess: () => setChangedTo(allowed) });
  };
  const signedInWithPassword = signedInWith?.method === 'password';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Inloggning med lösenord</h2>
      <Switch className="switch" isSelected={passwordSignIn} onChange={change} isDisabled={setPasswordSignIn.isPending} aria-describedby={hintId}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Tillåt inloggning med lösenord
      </Switch>
      <div id={hintId} className="hint switch-hint">
        {passwordSignIn ? (
          <p>
            Stäng av lösenorden när alla loggar in med kommunens konto. Då loggas de som är inloggade med lösenord ut.
            {!hasEnabledProvider ? ' Det kräver en inloggningstjänst som är påslagen.' : signedInWithPassword ? ' Du är själv inloggad med lösenord: logga in med kommunens konto först.' : ''}
          </p>
        ) : (
          <p>Kommunens användare loggar in med kommunens konto. Driftadministratörer kan fortfarande logga in med lösenord.</p>
        )}
      </div>
      {setPasswordSignIn.isError ? <ErrorNotice error={setPasswordSignIn.error} /> : null}
      {changedTo !== null ? <SuccessNotice>{changedTo ? 'Inloggning med lösenord är tillåten.' : 'Inloggning med lösenord är avstängd.'}</SuccessNotice> : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading } from 'react-aria-components';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSessionQuery, useSignIn } from '../auth/session';
import { providerButtonLabel, providerSignInHref, signInFailureMessage, signInOptionsQuery, type SignInProvider } from '../auth/sign-in-options';
import { FormError, TextInput } from '../components/fields';
import { Page } from '../components/page';
import { LoadingNotice, SuccessNotice } from '../components/status';

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after signing in. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** One link per identity provider: a full page load to the provider, which sends the browser back to `returnTo`. */
function ProviderLinks({ providers, returnTo }: { providers: SignInProvider[]; returnTo: string }) {
  return (
    <ul className="sign-in-providers">
      {providers.map((provider) => (
        <li key={provider.key}>
          <a className="button button-primary" href={providerSignInHref(provider, returnTo)}>
            {providerButtonLabel(provider, providers)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function PasswordForm({ returnTo, autoFocus }: { returnTo: string; autoFocus: boolean }) {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(returnTo, { replace: true }) });
  };

  return (
    <Form onSubmit={submit} className="form">
      <TextInput label="E-postadress" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} isRequired autoFocus={autoFocus} error={signIn.error} />
      <TextInput label="Lösenord" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} isRequired error={signIn.error} />
      <FormError error={signIn.error} />
      <Button type="submit" className="button button-primary" isDisabled={signIn.isPending}>
        {signIn.isPending ? 'Loggar in …' : 'Logga in'}
      </Button>
    </Form>
  );
}

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const session = useSessionQuery();
  const options = useQuery(signInOptionsQuery);
  const returnTo = safeReturnPath(searchParams.get('till'));
  const failure = searchParams.get('fel');
  const signedOut = searchParams.get('utloggad') === '1';

  if (session.data) return <Navigate to={returnTo} replace />;

  // Should the question fail, the password form is still there: it works without it.
  const providers = options.data?.providers ?? [];
  const passwordSignIn = options.data?.passwordSignIn ?? true;

  return (
    <main id="innehall" className="sign-in">
      <Page title="Logga in">
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{signInFailureMessage(failure)}</p>
          </div>
        ) : null}
        {signedOut ? <SuccessNotice>Du är utloggad.</SuccessNotice> : null}
        {options.isPending ? (
          <LoadingNotice label="Hämtar sätten att logga in" />
        ) : providers.length === 0 ? (
          <>
            <p>Logga in i Nämndrum med din e-postadress och ditt lösenord.</p>
            <PasswordForm returnTo={returnTo} autoFocus />
          </>
        ) : (
          <>
            <p>Logga in i Nämndrum med din kommuns konto.</p>
            <ProviderLinks providers={providers} returnTo={returnTo} />
            {passwordSignIn ? (
              <section className="sign-in-password" aria-labelledby="logga-in-med-losenord">
                <h2 id="logga-in-med-losenord">Logga in med e-post och lösenord</h2>
                <PasswordForm returnTo={returnTo} autoFocus={false} />
              </section>
            ) : (
              // Passwords are off for the municipalities' users; system administrators still sign in with one.
              <Disclosure className="sign-in-password sign-in-disclosure">
                <Heading level={2}>
                  <Button slot="trigger" className="disclosure-trigger">
                    Logga in med e-post och lösenord
                  </Button>
                </Heading>
                <DisclosurePanel>
                  <p className="sign-in-note">Inloggning med lösenord är bara öppen för systemförvaltare.</p>
                  <PasswordForm returnTo={returnTo} autoFocus={false} />
                </DisclosurePanel>
              </Disclosure>
            )}
          </>
        )}
      </Page>
    </main>
  );
}

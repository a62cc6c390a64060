import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSessionQuery, useSignIn } from '../auth/session';
import { FormError, TextInput } from '../components/fields';
import { Page } from '../components/page';

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after signing in. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function SignInPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const returnTo = safeReturnPath(searchParams.get('till'));

  if (session.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(returnTo, { replace: true }) });
  };

  return (
    <main id="innehall" className="sign-in">
      <Page title="Logga in">
        <p>Logga in i Nämndrum med din e-postadress och ditt lösenord.</p>
        <Form onSubmit={submit} className="form">
          <TextInput label="E-postadress" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} isRequired autoFocus error={signIn.error} />
          <TextInput label="Lösenord" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} isRequired error={signIn.error} />
          <FormError error={signIn.error} />
          <Button type="submit" className="button button-primary" isDisabled={signIn.isPending}>
            {signIn.isPending ? 'Loggar in …' : 'Logga in'}
          </Button>
        </Form>
      </Page>
    </main>
  );
}

import { Suspense } from 'react';
import { Button, Link } from 'react-aria-components';
import { Outlet, useLocation } from 'react-router';
import { isMunicipalityAdmin, RequireSession, useSession, useSignOut } from '../auth/session';
import { signedInWithLabel } from '../auth/sign-in-options';
import { LoadingNotice } from '../components/status';

const SECTIONS = [
  { href: '/', label: 'Start' },
  { href: '/sammantradesplan', label: 'Sammanträdesplan' },
  { href: '/diarium', label: 'Diarium' },
  { href: '/anslag', label: 'Anslagstavla' },
  { href: '/styrmodell', label: 'Styrmodell' },
];

/** The municipality's administratör's own pages, after the others. */
const ADMIN_SECTIONS = [{ href: '/installningar/inloggning', label: 'Inloggning' }];

function isCurrent(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

function Header() {
  const { user, signedInWith } = useSession();
  const signedInHow = signedInWithLabel(signedInWith);
  const { pathname } = useLocation();
  const signOut = useSignOut();
  const sections = isMunicipalityAdmin(user) ? [...SECTIONS, ...ADMIN_SECTIONS] : SECTIONS;
  return (
    <header className="app-header">
      <a className="skip-link" href="#innehall">
        Hoppa till innehållet
      </a>
      <Link href="/" className="brand">
        Nämndrum
      </Link>
      <nav aria-label="Huvudmeny">
        <ul>
          {sections.map((section) => (
            <li key={section.href}>
              <Link href={section.href} aria-current={isCurrent(pathname, section.href) ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="user-menu">
        <div className="user-identity">
          <span className="user-email">{user.email}</span>
          {signedInHow ? <span className="user-signed-in-with">{signedInHow}</span> : null}
        </div>
        <Button onPress={() => signOut.mutate()} isDisabled={signOut.isPending} className="button button-quiet">
          Logga ut
        </Button>
      </div>
    </header>
  );
}

/** The signed-in frame: header, main menu, and the page in <main>. */
export function AppLayout() {
  return (
    <RequireSession>
      <Header />
      <main id="innehall" tabIndex={-1}>
        <Suspense fallback={<LoadingNotice label="Hämtar sidan" />}>
          <Outlet />
        </Suspense>
      </main>
    </RequireSession>
  );
}

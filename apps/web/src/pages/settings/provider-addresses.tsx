import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { IdentityProvider } from './identity-provider-queries';

interface Address {
  label: string;
  value: string;
}

/** What the provider must be told about Nämndrum, by protocol (docs/sign-in.md, "What the provider needs to know"). */
function addressesOf(provider: IdentityProvider): Address[] {
  if (provider.oidc) {
    return [
      { label: 'Omdirigerings-URI (redirect URI)', value: provider.oidc.redirectUri },
      { label: 'Omdirigerings-URI efter utloggning (post-logout redirect URI)', value: provider.oidc.postLogoutRedirectUri },
    ];
  }
  if (provider.saml) {
    return [
      { label: 'Nämndrums entitets-id (SP entity ID), som också är adressen till Nämndrums metadata', value: provider.saml.spEntityId },
      { label: 'Mottagningsadress för svaret (ACS-URL, HTTP-POST)', value: provider.saml.acsUrl },
    ];
  }
  return [];
}

/**
 * The addresses to register at the provider, each with a copy button. Where the browser may not write to
 * the clipboard, the address is selected instead, to be copied with Ctrl+C.
 */
export function ProviderAddresses({ provider }: { provider: IdentityProvider }) {
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const addresses = addressesOf(provider);

  const copy = async (address: Address, index: number) => {
    try {
      await navigator.clipboard.writeText(address.value);
      setAnnouncement(`Kopierat: ${address.label}.`);
    } catch {
      const element = document.getElementById(`${id}-${index}`);
      if (element) window.getSelection()?.selectAllChildren(element);
      setAnnouncement(`Adressen är markerad. Tryck Ctrl+C för att kopiera den.`);
    }
  };

  return (
    <div className="provider-addresses">
      <dl>
        {addresses.map((address, index) => (
          <div key={address.label} className="provider-address">
            <dt>{address.label}</dt>
            <dd>
              <code id={`${id}-${index}`}>{address.value}</code>
              <Button className="button button-small" onPress={() => void copy(address, index)}>
                Kopiera<span className="visually-hidden"> {address.label}</span>
              </Button>
            </dd>
          </div>
        ))}
      </dl>
      {provider.saml ? <p className="hint">En leverantör som läser metadata från en adress behöver bara entitets-id:t.</p> : null}
      <p className="hint copy-status" role="status">
        {announcement}
      </p>
    </div>
  );
}

/**
 * A real OpenID Connect provider (node-oidc-provider) for the tests, run as a child process because
 * oidc-provider is ESM-only and jest never loads it. Configured by OIDC_TEST_PROVIDER_CONFIG (JSON:
 * port, clients, accounts); prints `OIDC_TEST_PROVIDER_LISTENING <issuer>` once it accepts requests.
 * Started and controlled from test/support/oidc-test-provider.ts.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import express from 'express';
import { CompactSign, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_PROVIDER_CONFIG ?? '{}');
const accounts = new Map((config.accounts ?? []).map((account) => [account.sub, account]));
const disabledSubs = new Set();
const tamperModes = new Set(['signature', 'audience', 'expired', 'issuer', 'nonce', 'none']);
let tamperMode = 'none';

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

let handle = (request, response) => response.writeHead(503).end();
const server = createServer((request, response) => handle(request, response));
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.port ?? 0, '127.0.0.1', resolve);
});
const issuer = `http://127.0.0.1:${server.address().port}`;

function findActiveAccount(sub) {
  return disabledSubs.has(sub) ? undefined : accounts.get(sub);
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((client) => ({
    client_id: client.client_id,
    client_secret: client.client_secret,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    // openid-client v6 sends the secret in the body unless told otherwise.
    token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_post',
  })),
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  // Every claim under openid, so a relying party gets them in the ID token whatever else it asks for.
  claims: {
    openid: ['sub', 'email', 'email_verified', 'name', 'groups'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  conformIdTokenClaims: false,
  responseTypes: ['code'],
  async findAccount(ctx, sub) {
    const account = findActiveAccount(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email: account.email,
          email_verified: account.email_verified,
          name: account.name,
          groups: account.groups ?? [],
        };
      },
    };
  },
  // As Keycloak does, every code exchange brings a refresh token, without the relying party asking for offline_access.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  rotateRefreshToken: true,
  pkce: { required: () => true },
  clientBasedCORS: () => false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        const confirmedForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/><noscript><button type="submit">Logga ut</button></noscript></form>');
        ctx.body = page('Loggar ut', `<h1>Loggar ut</h1>
${confirmedForm}
<script>document.getElementById('op.logoutForm').submit();</script>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Utloggad', '<h1>Du är utloggad</h1>');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Fel hos testleverantören', `<h1>Fel hos testleverantören</h1>
<p role="alert">${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
  },
  ttl: {
    AccessToken: 10 * 60,
    AuthorizationCode: 60,
    IdToken: 10 * 60,
    Interaction: 10 * 60,
    Session: 60 * 60,
    Grant: 60 * 60,
    RefreshToken: 60 * 60,
  },
});

// The ID token's sid is otherwise only issued to clients that registered back-channel logout.
provider.Client.prototype.includeSid = () => true;

async function resignedIdToken(idToken, change) {
  const [, payloadPart] = idToken.split('.');
  const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  change(payload);
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader(decodeProtectedHeader(idToken))
    .sign(privateKey);
}

async function tamperedIdToken(idToken, mode) {
  switch (mode) {
    case 'signature': {
      const [header, payload, signature] = idToken.split('.');
      // The first characters carry whole bytes of the signature, unlike the last one's padding bits.
      const flipped = [...signature.slice(0, 8)].map((character) => (character === 'A' ? 'B' : 'A')).join('');
      return `${header}.${payload}.${flipped}${signature.slice(8)}`;
    }
    case 'audience':
      return resignedIdToken(idToken, (payload) => { payload.aud = 'someone-else'; });
    case 'expired':
      return resignedIdToken(idToken, (payload) => {
        payload.iat -= 2 * 60 * 60;
        payload.exp = payload.iat + 10 * 60;
      });
    case 'issuer':
      return resignedIdToken(idToken, (payload) => { payload.iss = 'http://evil.example'; });
    case 'nonce':
      return resignedIdToken(idToken, (payload) => { payload.nonce = `${payload.nonce ?? ''}-not-the-one-sent`; });
    default:
      return idToken;
  }
}

provider.use(async (ctx, next) => {
  await next();
  if (ctx.oidc?.route === 'token' && ctx.body?.id_token && tamperMode !== 'none') {
    const mode = tamperMode;
    tamperMode = 'none';
    ctx.body = { ...ctx.body, id_token: await tamperedIdToken(ctx.body.id_token, mode) };
  }
});

function loginPage(uid, client, { login = '', error } = {}) {
  const clientName = client?.clientName ?? client?.clientId ?? '';
  return page('Logga in hos testleverantören', `<h1>Logga in hos testleverantören</h1>
${clientName ? `<p>Du loggar in till ${escapeHtml(clientName)}.</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
${error ? `<p id="login-error" role="alert">${escapeHtml(error)}</p>` : ''}
<label for="login">Användarnamn</label>
<input id="login" name="login" type="text" autocomplete="username" required autofocus value="${escapeHtml(login)}"${error ? ' aria-invalid="true" aria-describedby="login-error"' : ''}>
<button type="submit">Logga in</button>
<button type="submit" name="cancel" value="1" formnovalidate>Avbryt</button>
</form>`);
}

async function grantConsent(details) {
  const { prompt, params, session, grantId } = details;
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const savedGrantId = await grant.save();
  return { consent: grantId ? {} : { grantId: savedGrantId } };
}

const app = express();
app.disable('x-powered-by');

function noStore(request, response, next) {
  response.set('cache-control', 'no-store');
  next();
}

app.get('/interaction/:uid', noStore, async (request, response, next) => {
  try {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'consent') {
      // The test provider consents for the user at once: a consent page is never shown.
      await provider.interactionFinished(request, response, await grantConsent(details), { mergeWithLastSubmission: true });
      return;
    }
    const client = await provider.Client.find(details.params.client_id);
    response.type('html').send(loginPage(details.uid, client));
  } catch (error) {
    next(error);
  }
});

app.post('/interaction/:uid', noStore, express.urlencoded({ extended: false }), async (request, response, next) => {
  try {
    const details = await provider.interactionDetails(request, response);
    if (request.body?.cancel) {
      await provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
      }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === 'consent') {
      await provider.interactionFinished(request, response, await grantConsent(details), { mergeWithLastSubmission: true });
      return;
    }
    const login = String(request.body?.login ?? '').trim();
    if (!findActiveAccount(login)) {
      const client = await provider.Client.find(details.params.client_id);
      response.type('html').send(loginPage(details.uid, client, { login, error: 'Okänt användarnamn.' }));
      return;
    }
    await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  } catch (error) {
    next(error);
  }
});

app.get('/_test/health', (request, response) => {
  response.json({ status: 'ok' });
});

app.post('/_test/accounts/:sub/disable', (request, response) => {
  if (!accounts.has(request.params.sub)) {
    response.status(404).json({ error: 'unknown account' });
    return;
  }
  disabledSubs.add(request.params.sub);
  response.json({ disabled: request.params.sub });
});

app.post('/_test/tamper', express.json(), (request, response) => {
  const mode = request.body?.mode;
  if (!tamperModes.has(mode)) {
    response.status(400).json({ error: `mode must be one of ${[...tamperModes].join(', ')}` });
    return;
  }
  tamperMode = mode;
  response.json({ mode });
});

// A back-channel logout token as this provider would send it, signed with its key; the test posts it
// to the relying party itself, since the app under test is not listening on a port of its own.
app.post('/_test/logout-token', express.json(), async (request, response) => {
  const { aud, sub, sid, nonce, events = true, ageSeconds = 0 } = request.body ?? {};
  const now = Math.floor(Date.now() / 1000) - ageSeconds;
  const claims = { iss: issuer, aud, iat: now, exp: now + 120, jti: randomBytes(16).toString('hex'), sub, sid, nonce };
  if (events) claims.events = { 'http://schemas.openid.net/event/backchannel-logout': {} };
  const token = await new CompactSign(Buffer.from(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'logout+jwt' })
    .sign(privateKey);
  response.json({ logoutToken: token });
});

app.use(provider.callback());

app.use((error, request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const expired = error instanceof errors.SessionNotFound;
  response.status(expired ? 400 : 500).type('html').send(page('Fel hos testleverantören', `<h1>Fel hos testleverantören</h1>
<p role="alert">${expired ? 'Inloggningen har gått ut. Börja om.' : escapeHtml(error.message)}</p>`));
});

handle = app;

function shutDown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', shutDown);
// Started with an IPC channel, the provider does not outlive the test process that started it.
if (process.channel) process.once('disconnect', shutDown);

process.stdout.write(`OIDC_TEST_PROVIDER_LISTENING ${issuer}\n`);

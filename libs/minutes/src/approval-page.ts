/**
 * The page the review e-mail links to: the chair or a verifier signs in, reads the minutes as they
 * now stand and approves exactly that content. A static page; everything it shows comes from the
 * API in the user's own browser session (the HttpOnly session cookie, which no script can read, and
 * the session's CSRF token on writes), so it holds no data and needs no tenant to be served.
 */
export const APPROVAL_PAGE = `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Justera protokoll – Nämndrum</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; margin-top: 1.5rem; }
label { display: block; margin-top: .75rem; font-weight: 600; }
input { font: inherit; padding: .4rem; width: 100%; max-width: 24rem; box-sizing: border-box; }
button { font: inherit; margin-top: 1rem; padding: .5rem 1rem; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus, input:focus, a:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
a { color: #0b4f8a; }
[role="alert"] { background: #fde8e8; border: 2px solid #b00020; padding: .5rem 1rem; }
.done { background: #e6f4ea; border: 2px solid #1e7b34; padding: .5rem 1rem; }
.hash { font-family: ui-monospace, monospace; word-break: break-all; font-size: .85rem; }
section.paragraph { border-top: 1px solid #ccc; padding-top: .5rem; }
</style>
</head>
<body>
<main>
<h1>Justera protokoll</h1>
<div id="message" role="alert" hidden></div>
<form id="login" hidden>
<p>Logga in för att läsa och justera protokollet.</p>
<label for="email">E-postadress</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Logga in</button>
</form>
<div id="minutes" hidden>
<p id="summary"></p>
<p><a id="docx" href="#">Ladda ned protokollet (Word)</a></p>
<h2>Justering</h2>
<ul id="approvers"></ul>
<p>Kontrollsumma för den lydelse som visas (SHA-256): <span id="sha" class="hash"></span></p>
<div id="state" class="done" hidden></div>
<button id="approve" type="button" hidden>Jag justerar protokollet i denna lydelse</button>
<h2>Paragrafer</h2>
<div id="paragraphs"></div>
</div>
</main>
<script src="/protokoll/justering.js"></script>
</body>
</html>
`;

/** The approval page's script, served as a file of its own so that the page needs no inline script. */
export const APPROVAL_PAGE_SCRIPT = `(function () {
  var id = location.pathname.split('/').filter(Boolean)[1];
  var csrfToken = null;
  var me = null;
  var shown = null;
  var $ = function (selector) { return document.getElementById(selector); };
  function element(tag, text) { var node = document.createElement(tag); if (text !== undefined) node.textContent = text; return node; }
  function show(text) { $('message').textContent = text; $('message').hidden = !text; }
  function signedOut() { csrfToken = null; me = null; $('minutes').hidden = true; $('login').hidden = false; }
  function api(path, options) {
    options = options || {};
    var writes = options.method && options.method !== 'GET';
    options.headers = Object.assign({ 'Content-Type': 'application/json' }, writes && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}, options.headers || {});
    options.credentials = 'same-origin';
    return fetch('/api/v1' + path, options).then(function (response) {
      if (response.status === 401 && path !== '/auth/session') { signedOut(); throw new Error('Logga in igen.'); }
      if (!response.ok) return response.json().then(function (body) { throw new Error(body.message || 'Något gick fel.'); });
      return response;
    });
  }
  function signedIn(session) { csrfToken = session.csrfToken; me = session.user; $('login').hidden = true; load(); }
  function load() {
    show('');
    api('/minutes/' + id).then(function (r) { return r.json(); })
      .then(function (minutes) { return api('/organs/' + minutes.organId).then(function (r) { return r.json(); }).then(function (organ) { render(minutes, organ); }); })
      .catch(function (error) { show(error.message); });
  }
  function render(minutes, organ) {
    $('login').hidden = true;
    $('minutes').hidden = false;
    shown = minutes.currentContentSha256;
    $('summary').textContent = organ.name + ', sammanträde ' + minutes.meetingDate + ', ' + minutes.paragraphRange + '. Ska vara justerat senast ' + minutes.verificationDeadline + '.';
    $('sha').textContent = shown;
    var approvers = $('approvers');
    approvers.replaceChildren();
    minutes.approvers.forEach(function (approver) {
      approvers.appendChild(element('li', approver.name + (approver.role === 'chair' ? ' (ordförande)' : ' (justerare)') + ': ' + (approver.approved ? 'har justerat' : 'har inte justerat')));
    });
    var mine = minutes.approvers.find(function (approver) { return approver.personId === me.personId; });
    $('state').hidden = minutes.status !== 'verified';
    $('state').textContent = 'Protokollet är justerat och kan inte längre ändras.';
    $('approve').hidden = !(minutes.status === 'draft' && mine && !mine.approved);
    var list = $('paragraphs');
    list.replaceChildren();
    minutes.paragraphs.forEach(function (paragraph) {
      var section = element('section');
      section.className = 'paragraph';
      section.appendChild(element('h3', '§ ' + paragraph.number + ' ' + paragraph.title + (paragraph.caseNumber ? ' (' + paragraph.caseNumber + ')' : '')));
      section.appendChild(element('h4', 'Beslut'));
      var decision = element('ol');
      paragraph.decision.forEach(function (point) { decision.appendChild(element('li', point)); });
      section.appendChild(decision);
      if (paragraph.decisionProcedure.length) {
        section.appendChild(element('h4', 'Beslutsgång'));
        paragraph.decisionProcedure.forEach(function (sentence) { section.appendChild(element('p', sentence)); });
      }
      paragraph.dissents.forEach(function (dissent) { section.appendChild(element('p', 'Reservation: ' + dissent.name + (dissent.reasons ? ' – ' + dissent.reasons : ''))); });
      list.appendChild(section);
    });
  }
  $('login').addEventListener('submit', function (event) {
    event.preventDefault();
    api('/auth/session', { method: 'POST', body: JSON.stringify({ email: $('email').value, password: $('password').value }) })
      .then(function (r) { return r.json(); })
      .then(signedIn)
      .catch(function (error) { show(error.message); });
  });
  $('approve').addEventListener('click', function () {
    api('/minutes/' + id + '/approvals', { method: 'POST', body: JSON.stringify({ contentSha256: shown }) })
      .then(load)
      .catch(function (error) { show(error.message); load(); });
  });
  $('docx').addEventListener('click', function (event) {
    event.preventDefault();
    api('/minutes/' + id + '/docx').then(function (r) { return r.blob(); }).then(function (blob) {
      var link = element('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'Protokoll.docx';
      link.click();
    }).catch(function (error) { show(error.message); });
  });
  fetch('/api/v1/auth/session', { credentials: 'same-origin' })
    .then(function (response) { if (!response.ok) throw new Error(); return response.json(); })
    .then(signedIn)
    .catch(signedOut);
})();
`;

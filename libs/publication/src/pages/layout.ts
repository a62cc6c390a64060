import Handlebars from 'handlebars';
import { publicPaths } from '../public-urls';

/** The municipality a page belongs to, for the header and the navigation. */
export interface PageMunicipality {
  name: string;
  code: string;
}

export interface LayoutView {
  lang: 'sv' | 'fi';
  /** The document title and the page's one h1. */
  title: string;
  municipality: PageMunicipality | null;
  /** The h1 as markup (a Finnish part in its own span), rendered by an escaping template; else the title. */
  titleHtml?: string;
  /** The page's own content, already rendered by its (escaping) template. */
  body: string;
}

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
a { color: #0b4f8a; }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; color: #0b4f8a; padding: .5rem 1rem; }
.skip:focus { left: 1rem; top: 1rem; z-index: 10; }
header, nav, main, footer { padding: 0 1rem; }
header { background: #0b3d66; color: #fff; padding-top: .75rem; padding-bottom: .75rem; }
header a { color: #fff; font-weight: 600; text-decoration: none; font-size: 1.15rem; }
header a:focus-visible { outline-color: #ffd27f; }
nav { border-bottom: 1px solid #ccc; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0 auto; padding: .5rem 0; max-width: 60rem; }
.wrap { max-width: 60rem; margin: 0 auto; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.7rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.note { color: #4a4a4a; font-style: italic; }
.cancelled { background: #fde8e8; border: 2px solid #b00020; padding: .75rem 1rem; font-weight: 600; }
article { border: 1px solid #bbb; border-radius: 4px; padding: 1rem 1.25rem; margin: 1rem 0; }
article h2, article h3 { margin-top: 0; }
.appeal { background: #f3f6f9; padding: .75rem 1rem; margin-top: 1.5rem; }
.decision p { margin: .25rem 0; }
form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
form.search label { display: block; font-weight: 600; }
input[type=search] { font: inherit; padding: .4rem .5rem; border: 1px solid #555; min-width: 18rem; }
button { font: inherit; padding: .4rem 1rem; border: 1px solid #0b3d66; background: #0b3d66; color: #fff; cursor: pointer; }
.pager { display: flex; gap: 1.5rem; }
footer { border-top: 1px solid #ccc; padding-top: 1rem; padding-bottom: 2rem; font-size: .95rem; }
`;

const layout = Handlebars.compile(`<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}{{#if municipality}} – {{municipality.name}}{{/if}}</title>
<style>{{{style}}}</style>
</head>
<body>
<a class="skip" href="#innehall">{{texts.skip}}</a>
<header><div class="wrap">{{#if municipality}}<a href="{{links.home}}">{{municipality.name}}</a>{{else}}<span>Nämndrum</span>{{/if}}</div></header>
{{#if municipality}}
<nav aria-label="{{texts.nav}}"><ul>
<li><a href="{{links.home}}">{{texts.home}}</a></li>
<li><a href="{{links.calendar}}">{{texts.calendar}}</a></li>
<li><a href="{{links.board}}">{{texts.board}}</a></li>
<li><a href="{{links.search}}">{{texts.search}}</a></li>
</ul></nav>
{{/if}}
<main id="innehall" tabindex="-1"><div class="wrap">
<h1>{{#if titleHtml}}{{{titleHtml}}}{{else}}{{title}}{{/if}}</h1>
{{{body}}}
</div></main>
<footer><div class="wrap">
{{#if municipality}}<p><a href="{{links.accessibility}}">{{texts.accessibility}}</a> · <a href="{{links.oparl}}">{{texts.openData}}</a></p>{{/if}}
<p>{{texts.footer}}</p>
</div></footer>
</body>
</html>`);

const TEXTS = {
  sv: {
    skip: 'Gå direkt till innehållet',
    nav: 'Huvudmeny',
    home: 'Start',
    calendar: 'Sammanträden',
    board: 'Anslagstavla',
    search: 'Sök beslut',
    accessibility: 'Tillgänglighetsredogörelse',
    openData: 'Öppna data (OParl)',
    footer: 'Publicerat med Nämndrum. Sidorna visar det som kommunen har publicerat; sekretessbelagda uppgifter visas inte.',
  },
  fi: {
    skip: 'Siirry suoraan sisältöön',
    nav: 'Päävalikko',
    home: 'Etusivu',
    calendar: 'Kokoukset',
    board: 'Ilmoitustaulu',
    search: 'Hae päätöksiä',
    accessibility: 'Saavutettavuusseloste',
    openData: 'Avoin data (OParl)',
    footer: 'Julkaistu Nämndrumilla. Sivuilla näytetään kunnan julkaisemat tiedot; salassa pidettäviä tietoja ei näytetä.',
  },
};

/** A public page: header, navigation, one h1, main content with a skip link to it, footer. No scripts. */
export function renderLayout(view: LayoutView): string {
  const code = view.municipality?.code;
  return layout({
    ...view,
    style: STYLE,
    texts: TEXTS[view.lang],
    links: code
      ? {
          home: publicPaths.municipality(code),
          calendar: publicPaths.calendar(code),
          board: publicPaths.noticeBoard(code),
          search: publicPaths.search(code),
          accessibility: publicPaths.accessibility(code),
          oparl: publicPaths.oparlSystem(),
        }
      : {},
  });
}

const errorBody = Handlebars.compile(`<p>{{message}}</p>
<p>Kontrollera adressen.</p>`);

/** The HTML page a public address answers an error with (404 above all), in Swedish. */
export function renderErrorPage(statusCode: number, message: string): string {
  const title = statusCode === 404 ? 'Sidan finns inte' : statusCode === 429 ? 'För många förfrågningar' : statusCode < 500 ? 'Sidan kan inte visas' : 'Ett fel inträffade';
  const text = statusCode === 404 ? 'Det finns ingen publicerad sida på den här adressen. Den kan ha tagits bort, eller så är uppgifterna inte offentliga.' : message;
  return renderLayout({ lang: 'sv', title, municipality: null, body: errorBody({ message: text }) });
}

import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Municipality } from '@namndrum/core';
import { LABEL_TERMS, swedishLongDate } from '@namndrum/documents';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { PublicResource } from '../public-resource';
import { publicPaths } from '../public-urls';
import { renderLayout } from './layout';
import { html, municipalityByCode, newest, PUBLIC_MEETING, UUID } from './page-helpers';
import { PublishedDecisionsService, SEARCH_PAGE_SIZE } from './published-decisions.service';

const ZONE = 'Europe/Stockholm';

const KIND_GROUPS: { kind: string; heading: string }[] = [
  { kind: 'council', heading: 'Fullmäktige' },
  { kind: 'board', heading: 'Kommunstyrelsen' },
  { kind: 'committee', heading: 'Nämnder' },
  { kind: 'subcommittee', heading: 'Utskott' },
  { kind: 'advisory_council', heading: 'Råd' },
  { kind: 'drafting_group', heading: 'Beredningar' },
];

/** An organ is on the public pages when its rules publish its notices or its minutes (a beredning usually neither). */
const PUBLISHED_ORGAN = `(o.rules_publish_notices OR o.rules_publish_minutes)`;

interface MeetingRow {
  id: string;
  organ_id: string;
  organ_name: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  status: string;
  updated_at: Date;
}

const meetingTable = `<table>
<caption>{{caption}}</caption>
<thead><tr><th scope="col">{{labels.date}}</th><th scope="col">{{labels.organ}}</th><th scope="col">{{labels.place}}</th></tr></thead>
<tbody>{{#each meetings}}<tr><td><a href="{{url}}">{{when}}</a>{{#if cancelled}} <strong>({{../labels.cancelled}})</strong>{{/if}}</td><td>{{organName}}</td><td>{{place}}</td></tr>{{/each}}</tbody>
</table>`;
Handlebars.registerPartial('publicMeetingTable', meetingTable);

const municipalityPage = Handlebars.compile(`<p>Här publicerar {{name}} sina politiska organ, kallelser, protokoll och beslut.</p>
<ul>
<li><a href="{{links.calendar}}">Sammanträdeskalender</a></li>
<li><a href="{{links.board}}">Anslagstavla</a> (kungörelser och justerade protokoll)</li>
<li><a href="{{links.search}}">Sök bland beslut</a></li>
<li><a href="{{links.feed}}">Anslagstavlan som Atom-flöde</a> · <a href="{{links.rss}}">RSS</a></li>
<li><a href="{{links.oparl}}">Öppna data enligt OParl 1.1</a></li>
<li><a href="{{links.accessibility}}">Tillgänglighetsredogörelse</a></li>
</ul>
<h2>Kommande sammanträden</h2>
{{#if coming.length}}{{> publicMeetingTable caption="Kommande sammanträden" meetings=coming labels=labels}}{{else}}<p>Inga kommande sammanträden är publicerade.</p>{{/if}}
<h2>Politiska organ</h2>
{{#each groups}}<h3>{{heading}}</h3><ul>{{#each organs}}<li><a href="{{url}}">{{name}}</a></li>{{/each}}</ul>{{/each}}`);

const organPage = Handlebars.compile(`{{#if finnishUrl}}<p><a href="{{finnishUrl}}" lang="fi" hreflang="fi">Suomeksi</a></p>{{/if}}{{#if swedishUrl}}<p><a href="{{swedishUrl}}" lang="sv" hreflang="sv">På svenska</a></p>{{/if}}
<h2>{{labels.members}}</h2>
{{#if members.length}}<table>
<caption>{{labels.members}}</caption>
<thead><tr><th scope="col">{{labels.name}}</th><th scope="col">{{labels.party}}</th><th scope="col">{{labels.role}}</th></tr></thead>
<tbody>{{#each members}}<tr><td>{{name}}</td><td>{{party}}</td><td>{{role}}</td></tr>{{/each}}</tbody>
</table>{{else}}<p>{{labels.noMembers}}</p>{{/if}}
<h2>{{labels.substitutes}}</h2>
{{#if substitutes.length}}<table>
<caption>{{labels.substitutes}}</caption>
<thead><tr><th scope="col">{{labels.name}}</th><th scope="col">{{labels.party}}</th><th scope="col">{{labels.role}}</th></tr></thead>
<tbody>{{#each substitutes}}<tr><td>{{name}}</td><td>{{party}}</td><td>{{role}}</td></tr>{{/each}}</tbody>
</table>{{else}}<p>{{labels.noSubstitutes}}</p>{{/if}}
<h2>{{labels.coming}}</h2>
{{#if coming.length}}{{> publicMeetingTable caption=labels.coming meetings=coming labels=labels}}{{else}}<p>{{labels.noMeetings}}</p>{{/if}}
<h2>{{labels.past}}</h2>
{{#if past.length}}{{> publicMeetingTable caption=labels.past meetings=past labels=labels}}{{else}}<p>{{labels.noMeetings}}</p>{{/if}}
<h2>{{labels.follow}}</h2>
<ul><li><a href="{{links.atom}}">Atom</a></li><li><a href="{{links.rss}}">RSS</a></li><li><a href="{{links.ics}}">{{labels.calendar}}</a></li></ul>`);

const calendarPage = Handlebars.compile(`<nav aria-label="År" class="pager"><a href="{{previous.url}}">← {{previous.year}}</a><a href="{{next.url}}">{{next.year}} →</a></nav>
{{#each months}}<h2>{{name}}</h2>{{> publicMeetingTable caption=name meetings=meetings labels=../labels}}{{else}}<p>Inga sammanträden är publicerade för {{year}}.</p>{{/each}}`);

const matterPage = Handlebars.compile(`<dl><dt>Diarienummer</dt><dd>{{caseNumber}}</dd></dl>
<h2>Beslut</h2>
{{#each decisions}}<section class="decision" aria-labelledby="beslut-{{id}}"><h3 id="beslut-{{id}}">Beslutat i <a href="{{meetingUrl}}">{{organName}} {{meetingDate}} § {{number}}</a></h3>{{#each text}}<p>{{this}}</p>{{else}}<p class="note">Beslutstexten publiceras inte här.</p>{{/each}}</section>{{else}}<p>Inga beslut i ärendet är publicerade ännu.</p>{{/each}}
{{#if meetings.length}}<h2>Behandlat på sammanträden</h2><ul>{{#each meetings}}<li><a href="{{url}}">{{organName}} {{date}}</a></li>{{/each}}</ul>{{/if}}`);

const searchPage = Handlebars.compile(`<form class="search" method="get" action="{{action}}" role="search">
<div><label for="q">Sökord</label><input type="search" id="q" name="q" value="{{query}}"></div>
<button type="submit">Sök</button>
</form>
{{#if searched}}
<h2>Resultat</h2>
<p>{{#if total}}{{total}} beslut hittades.{{else}}Inga publicerade beslut matchar sökningen.{{/if}}</p>
<ol start="{{first}}">{{#each items}}<li><a href="{{url}}">{{title}}</a>{{#if caseNumber}} ({{caseNumber}}){{/if}}<br>Beslutat i {{organName}} {{meetingDate}} § {{number}}</li>{{/each}}</ol>
{{#if pager}}<nav aria-label="Sidor" class="pager">{{#if pager.previous}}<a href="{{pager.previous}}">← Föregående</a>{{/if}}{{#if pager.next}}<a href="{{pager.next}}">Nästa →</a>{{/if}}</nav>{{/if}}
{{/if}}`);

const accessibilityPage = Handlebars.compile(`<p>{{name}} står bakom den här webbplatsen, där kommunen publicerar sina politiska organ, sammanträden, kallelser, protokoll, beslut och sin digitala anslagstavla. Vi vill att så många som möjligt ska kunna använda den. Den här redogörelsen beskriver hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Sidorna är byggda för att uppfylla WCAG 2.1 nivå AA (EN 301 549): de fungerar utan JavaScript, går att använda med tangentbord, har en länk direkt till innehållet, rubriker och landmärken, tabeller med rubrikceller och tillräcklig kontrast.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från webbplatsen i ett annat format, till exempel ett protokoll eller en handling som inte är tillgänglig för dig, kontakta {{name}}{{#if contact}} på <a href="mailto:{{contact}}">{{contact}}</a>{{/if}}. Handlingarna kan också läsas på {{storagePlace}}.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, kontakta {{name}}{{#if contact}} på <a href="mailto:{{contact}}">{{contact}}</a>{{/if}} så att vi får veta att problemet finns.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">kontakta Myndigheten för digital förvaltning (DIGG) och påtala det</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Webbplatsen är delvis förenlig med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.</p>
<h3>Innehåll som inte är tillgängligt</h3>
<ul>
<li>Bilagor som har lämnats in till kommunen (till exempel skannade dokument, kartor och ritningar) publiceras som PDF i det skick de kom in och kan sakna rubriker, alternativtext och taggad struktur.</li>
<li>Äldre protokoll och handlingar som har skapats innan webbplatsen togs i bruk kan sakna tillgänglig struktur.</li>
<li>Uppgifter som omfattas av sekretess eller innehåller personuppgifter publiceras inte; det är ingen tillgänglighetsbrist men innebär att vissa handlingar bara finns att läsa på förvaringsplatsen.</li>
</ul>
<h2>Hur vi testat webbplatsen</h2>
<p>Sidorna testas automatiskt vid varje ändring med verktyget axe mot WCAG 2.1 nivå A och AA i en riktig webbläsare, och med tangentbord. Kallelser och protokoll som systemet skapar har rubriker, tabellrubriker och dokumentspråk.</p>
<p>Redogörelsen upprättades den {{made}} och uppdaterades senast den {{updated}}.</p>`);

const SWEDISH = {
  date: 'Datum',
  organ: 'Organ',
  place: 'Plats',
  cancelled: 'inställt',
  members: 'Ledamöter',
  substitutes: 'Ersättare',
  name: 'Namn',
  party: 'Parti',
  role: 'Roll',
  noMembers: 'Inga ledamöter är registrerade.',
  noSubstitutes: 'Inga ersättare är registrerade.',
  coming: 'Kommande sammanträden',
  past: 'Tidigare sammanträden',
  noMeetings: 'Inga sammanträden är publicerade.',
  follow: 'Följ organet',
  calendar: 'Kalender (iCalendar)',
  member: 'Ledamot',
  substitute: 'Ersättare',
  chair: 'Ordförande',
  first_vice_chair: '1:e vice ordförande',
  second_vice_chair: '2:e vice ordförande',
};

const FINNISH: typeof SWEDISH = {
  date: LABEL_TERMS.date.fi,
  organ: LABEL_TERMS.organ.fi,
  place: LABEL_TERMS.place.fi,
  cancelled: 'peruttu',
  members: 'Jäsenet',
  substitutes: 'Varajäsenet',
  name: 'Nimi',
  party: 'Puolue',
  role: 'Rooli',
  noMembers: 'Jäseniä ei ole rekisteröity.',
  noSubstitutes: 'Varajäseniä ei ole rekisteröity.',
  coming: 'Tulevat kokoukset',
  past: 'Aiemmat kokoukset',
  noMeetings: 'Kokouksia ei ole julkaistu.',
  follow: 'Seuraa toimielintä',
  calendar: 'Kalenteri (iCalendar)',
  member: LABEL_TERMS.member.fi,
  substitute: 'Varajäsen',
  chair: LABEL_TERMS.chair.fi,
  first_vice_chair: '1. varapuheenjohtaja',
  second_vice_chair: '2. varapuheenjohtaja',
};

/** When the accessibility statement was first made (its text changes with the code). */
const STATEMENT_MADE = '2026-05-01';

/** The municipality's public pages besides the meeting page and the notice board. */
@Injectable()
export class MunicipalityPagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: PublishedDecisionsService,
  ) {}

  async municipality(code: string): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    const organs: { id: string; name: string; kind: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.kind, o.updated_at FROM organs o WHERE o.municipality_id = $1 AND ${PUBLISHED_ORGAN} ORDER BY o.name`,
      [municipality.id],
    );
    const coming = await this.meetings(municipality, `m.ends_at >= now()`, 'ASC', 10);
    const body = municipalityPage({
      name: municipality.name,
      links: {
        calendar: publicPaths.calendar(code),
        board: publicPaths.noticeBoard(code),
        search: publicPaths.search(code),
        feed: publicPaths.noticeBoardFeed(code, 'atom'),
        rss: publicPaths.noticeBoardFeed(code, 'rss'),
        oparl: publicPaths.oparlSystem(),
        accessibility: publicPaths.accessibility(code),
      },
      labels: SWEDISH,
      coming: this.meetingRows(coming, 'sv'),
      groups: KIND_GROUPS.map((group) => ({
        heading: group.heading,
        organs: organs.filter((organ) => organ.kind === group.kind).map((organ) => ({ name: organ.name, url: publicPaths.organ(code, organ.id) })),
      })).filter((group) => group.organs.length > 0),
    });
    return html(renderLayout({ lang: 'sv', title: municipality.name, municipality, body }), newest([municipality.updatedAt, ...organs.map((organ) => organ.updated_at), ...coming.map((meeting) => meeting.updated_at)]));
  }

  async organ(code: string, organId: string, lang: 'sv' | 'fi'): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    if (!UUID.test(organId)) throw new NotFoundException();
    const [organ]: { id: string; name: string; languages: string[]; updated_at: Date }[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.rules_languages AS languages, o.updated_at FROM organs o WHERE o.municipality_id = $1 AND o.id = $2 AND ${PUBLISHED_ORGAN}`,
      [municipality.id, organId],
    );
    if (!organ || (lang === 'fi' && !organ.languages.includes('fi'))) throw new NotFoundException();
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    // Name, party and role: nothing else of a person is published here.
    const seats: { first_name: string; last_name: string; party: string | null; role: 'member' | 'substitute'; position: 'chair' | 'first_vice_chair' | 'second_vice_chair' | 'none'; substitute_order: number | null; updated_at: Date }[] =
      await this.dataSource.query(
        `SELECT p.first_name, p.last_name, ms.party, ms.role, ms.position, ms.substitute_order, greatest(ms.updated_at, p.updated_at) AS updated_at
           FROM memberships ms JOIN persons p ON p.id = ms.person_id
          WHERE ms.municipality_id = $1 AND ms.organ_id = $2 AND ms.valid_from <= $3 AND ms.valid_to >= $3
          ORDER BY ms.role, CASE ms.position WHEN 'chair' THEN 0 WHEN 'first_vice_chair' THEN 1 WHEN 'second_vice_chair' THEN 2 ELSE 3 END, ms.substitute_order NULLS LAST, p.last_name, p.first_name`,
        [municipality.id, organ.id, today],
      );
    const labels = lang === 'fi' ? FINNISH : SWEDISH;
    const seat = (row: (typeof seats)[number]) => ({ name: `${row.first_name} ${row.last_name}`, party: row.party ?? '', role: row.role === 'member' ? (row.position !== 'none' ? labels[row.position] : labels.member) : labels.substitute });
    const meetings = await this.meetings(municipality, `m.organ_id = $2`, 'DESC', 500, [organ.id]);
    const now = Date.now();
    const body = organPage({
      labels,
      finnishUrl: lang === 'sv' && organ.languages.includes('fi') ? publicPaths.organFinnish(code, organ.id) : null,
      swedishUrl: lang === 'fi' ? publicPaths.organ(code, organ.id) : null,
      members: seats.filter((row) => row.role === 'member').map(seat),
      substitutes: seats.filter((row) => row.role === 'substitute').map(seat),
      coming: this.meetingRows(meetings.filter((meeting) => meeting.ends_at.getTime() >= now).reverse(), lang),
      past: this.meetingRows(meetings.filter((meeting) => meeting.ends_at.getTime() < now), lang),
      links: { atom: publicPaths.organFeed(code, organ.id, 'atom'), rss: publicPaths.organFeed(code, organ.id, 'rss'), ics: publicPaths.organCalendar(code, organ.id) },
    });
    return html(renderLayout({ lang, title: organ.name, municipality, body }), newest([organ.updated_at, ...seats.map((row) => row.updated_at), ...meetings.map((meeting) => meeting.updated_at)]));
  }

  async calendar(code: string, year: number | null): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    const shown = year ?? DateTime.now().setZone(ZONE).year;
    const start = DateTime.fromObject({ year: shown, month: 1, day: 1 }, { zone: ZONE });
    const meetings = await this.meetings(municipality, `m.starts_at >= $2 AND m.starts_at < $3`, 'ASC', 2000, [start.toJSDate(), start.plus({ years: 1 }).toJSDate()]);
    const months = new Map<string, MeetingRow[]>();
    for (const meeting of meetings) {
      const month = DateTime.fromJSDate(meeting.starts_at, { zone: ZONE }).setLocale('sv').toFormat('LLLL');
      months.set(month, [...(months.get(month) ?? []), meeting]);
    }
    const body = calendarPage({
      year: shown,
      labels: SWEDISH,
      previous: { year: shown - 1, url: publicPaths.calendar(code, shown - 1) },
      next: { year: shown + 1, url: publicPaths.calendar(code, shown + 1) },
      months: [...months].map(([name, rows]) => ({ name: `${name[0].toUpperCase()}${name.slice(1)} ${shown}`, meetings: this.meetingRows(rows, 'sv') })),
    });
    return html(renderLayout({ lang: 'sv', title: `Sammanträden ${shown}`, municipality, body }), newest([municipality.updatedAt, ...meetings.map((meeting) => meeting.updated_at)]));
  }

  async matter(code: string, matterId: string): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    if (!UUID.test(matterId) || (await this.decisions.publicMatterIds(municipality.id, [matterId])).length === 0) throw new NotFoundException();
    const [matter]: { case_number: string; title: string; secret: boolean; public_title: string | null; updated_at: Date }[] = await this.dataSource.query(
      `SELECT case_number, title, secret, public_title, updated_at FROM matters WHERE municipality_id = $1 AND id = $2`,
      [municipality.id, matterId],
    );
    const decisions = await this.decisions.forMatter(municipality.id, matterId);
    const meetings: (MeetingRow & { id: string })[] = await this.dataSource.query(
      `SELECT m.id, o.name AS organ_name, m.starts_at, m.updated_at FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id JOIN organs o ON o.id = m.organ_id
        WHERE ai.municipality_id = $1 AND ai.matter_id = $2 AND ${PUBLIC_MEETING} ORDER BY m.starts_at`,
      [municipality.id, matterId],
    );
    const title = matter.secret ? matter.public_title?.trim() || 'Sekretessärende' : matter.title;
    const body = matterPage({
      caseNumber: matter.case_number,
      decisions: decisions.map((decision) => ({ ...decision, meetingDate: swedishLongDate(decision.meetingDate), meetingUrl: publicPaths.meeting(decision.meetingId) })),
      meetings: meetings.map((meeting) => ({ organName: meeting.organ_name, date: DateTime.fromJSDate(meeting.starts_at, { zone: ZONE }).setLocale('sv').toFormat('d MMMM yyyy'), url: publicPaths.meeting(meeting.id) })),
    });
    return html(renderLayout({ lang: 'sv', title, municipality, body }), newest([matter.updated_at, ...decisions.map((decision) => decision.updatedAt), ...meetings.map((meeting) => meeting.updated_at)]));
  }

  async search(code: string, query: string | undefined, page: number): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    const words = (query ?? '').trim().slice(0, 200);
    const found = words ? await this.decisions.search(municipality.id, words, page) : { total: 0, items: [] };
    const url = (to: number) => `${publicPaths.search(code)}?q=${encodeURIComponent(words)}${to > 1 ? `&sida=${to}` : ''}`;
    const body = searchPage({
      action: publicPaths.search(code),
      query: words,
      searched: words !== '',
      total: found.total,
      first: (page - 1) * SEARCH_PAGE_SIZE + 1,
      items: found.items.map((decision) => ({
        ...decision,
        meetingDate: swedishLongDate(decision.meetingDate),
        url: decision.matterId ? publicPaths.matter(code, decision.matterId) : publicPaths.meeting(decision.meetingId),
      })),
      pager: found.total > SEARCH_PAGE_SIZE ? { previous: page > 1 ? url(page - 1) : null, next: page * SEARCH_PAGE_SIZE < found.total ? url(page + 1) : null } : null,
    });
    return html(renderLayout({ lang: 'sv', title: 'Sök bland beslut', municipality, body }), newest(found.items.map((decision) => decision.updatedAt)));
  }

  async accessibility(code: string): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, code);
    const [board]: { storage_place: string }[] = await this.dataSource.query(`SELECT storage_place FROM postings WHERE municipality_id = $1 ORDER BY created_at DESC LIMIT 1`, [municipality.id]);
    const contact = (municipality as Municipality & { email?: string | null }).email ?? null;
    const body = accessibilityPage({
      name: municipality.name,
      contact,
      storagePlace: board?.storage_place ?? 'kommunens registratur',
      made: swedishLongDate(STATEMENT_MADE),
      updated: swedishLongDate(STATEMENT_MADE),
    });
    return html(renderLayout({ lang: 'sv', title: 'Tillgänglighetsredogörelse', municipality, body }), new Date(`${STATEMENT_MADE}T00:00:00Z`));
  }

  private async meetings(municipality: Municipality, condition: string, order: 'ASC' | 'DESC', limit: number, parameters: unknown[] = []): Promise<MeetingRow[]> {
    return this.dataSource.query(
      `SELECT m.id, m.organ_id, o.name AS organ_name, m.starts_at, m.ends_at, m.place, m.status, m.updated_at
         FROM meetings m JOIN organs o ON o.id = m.organ_id
        WHERE m.municipality_id = $1 AND ${PUBLIC_MEETING} AND ${condition}
        ORDER BY m.starts_at ${order} LIMIT ${Number(limit)}`,
      [municipality.id, ...parameters],
    );
  }

  private meetingRows(rows: MeetingRow[], lang: 'sv' | 'fi') {
    return rows.map((row) => {
      const start = DateTime.fromJSDate(row.starts_at, { zone: ZONE }).setLocale(lang === 'fi' ? 'fi' : 'sv');
      return {
        url: publicPaths.meeting(row.id),
        when: `${start.toFormat(lang === 'fi' ? 'd.M.yyyy' : 'd MMMM yyyy')} ${lang === 'fi' ? 'klo' : 'kl.'} ${start.toFormat(lang === 'fi' ? 'HH.mm' : 'HH:mm')}`,
        organName: row.organ_name,
        place: row.place,
        cancelled: row.status === 'cancelled',
      };
    });
  }
}

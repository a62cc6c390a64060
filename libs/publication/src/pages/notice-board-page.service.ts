import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DOCUMENT_KIND_TERMS, finnishLongDate, finnishMeetingTime, LABEL_TERMS, labeller, swedishLongDate, swedishMeetingTime, TermKey, withFinnish } from '@namndrum/documents';
import { Posting } from '@namndrum/minutes';
import Handlebars from 'handlebars';
import { DataSource } from 'typeorm';
import { PublicResource } from '../public-resource';
import { publicPaths } from '../public-urls';
import { renderLayout } from './layout';
import { html, municipalityByCode, newest } from './page-helpers';

/** Postings per page of the archive. */
export const ARCHIVE_PAGE_SIZE = 25;

const boardTitle = Handlebars.compile(`{{sv}}{{#if finnish}} / <span lang="fi">{{fi}}</span>{{/if}}`);

const page = Handlebars.compile(`<p>Kungörelser om kommunfullmäktiges sammanträden och tillkännagivanden om justerade protokoll. Ett anslag om ett protokoll sitter uppe under hela tiden för överklagande.</p>
{{#if finnish}}<p lang="fi">Kunnanvaltuuston kokousten kuulutukset ja ilmoitukset tarkastetuista pöytäkirjoista. Pöytäkirjaa koskeva ilmoitus on nähtävillä koko valitusajan.</p>{{/if}}
{{#if archive}}<p>Anslag som har tagits ned, de senaste först. Ett protokoll som har publicerats finns kvar att ladda ned som PDF.</p>{{else}}<p><a href="{{archiveUrl}}">Arkiv: anslag som har tagits ned</a> · <a href="{{feedUrl}}">Atom-flöde</a> · <a href="{{rssUrl}}">RSS</a></p>{{/if}}
{{#each postings}}
<article aria-labelledby="anslag-{{id}}">
{{#if announcement}}
<h2 id="anslag-{{id}}">Kungörelse – {{organName}} sammanträder {{meetingDate}}{{#if finnish}}<br><span lang="fi">{{finnish.heading}}</span>{{/if}}</h2>
{{#if announcement.cancelled}}<p class="cancelled">Sammanträdet är inställt.{{#if announcement.cancellationReason}} {{labels.cancellationReason}}: {{announcement.cancellationReason}}{{/if}}{{#if finnish}} <span lang="fi">{{labels.meetingCancelledFi}}</span>{{/if}}</p>{{/if}}
<dl>
<dt>{{labels.time}}</dt><dd>{{time}}{{#if finnish}}<br><span lang="fi">{{finnish.time}}</span>{{/if}}</dd>
<dt>{{labels.place}}</dt><dd>{{announcement.place}}</dd>
<dt>{{labels.postingUp}}</dt><dd>{{postedOn}}</dd>
<dt>{{labels.postingDown}}</dt><dd>{{takenDownOn}}</dd>
<dt>{{labels.documentsKept}}</dt><dd>{{storagePlace}}</dd>
</dl>
<h3>{{labels.matters}}</h3>
<ol>{{#each items}}<li value="{{number}}">{{title}}{{#if caseNumber}} ({{caseNumber}}){{/if}}{{#if titleFi}}<br><span lang="fi">{{titleFi}}</span>{{/if}}</li>{{/each}}</ol>
{{else}}
<h2 id="anslag-{{id}}">{{documentType}} – {{organName}}, sammanträde {{meetingDate}}{{#if finnish}}<br><span lang="fi">{{finnish.heading}}</span>{{/if}}</h2>
<dl>
<dt>{{labels.organ}}</dt><dd>{{organName}}</dd>
<dt>{{labels.meetingDate}}</dt><dd>{{meetingDate}}</dd>
<dt>{{labels.paragraphs}}</dt><dd>{{paragraphs}}</dd>
<dt>{{labels.verifiedMinutes}}</dt><dd>{{verifiedOn}}</dd>
<dt>{{labels.postingUp}}</dt><dd>{{postedOn}}</dd>
<dt>{{labels.postingDown}}</dt><dd>{{takenDownOn}}</dd>
<dt>{{labels.appealUntil}}</dt><dd>{{lastAppealDay}}</dd>
<dt>{{labels.storagePlace}}</dt><dd>{{storagePlace}}</dd>
{{#if personalData}}<dt>{{labels.personalData}}</dt><dd>{{labels.personalDataNotice}}</dd>{{/if}}
<dt>{{labels.minutes}}</dt><dd>{{#if fileUrl}}<a href="{{fileUrl}}">Ladda ned {{#if paragraphId}}protokollsutdraget{{else}}protokollet{{/if}} (Word){{#if finnish}} / <span lang="fi">{{finnish.download}}</span>{{/if}}</a>{{#if pdfUrl}} · <a href="{{pdfUrl}}" type="application/pdf">Ladda ned {{#if paragraphId}}protokollsutdraget{{else}}protokollet{{/if}} (PDF){{#if finnish}} / <span lang="fi">{{finnish.downloadPdf}}</span>{{/if}}</a>{{/if}}{{else}}Protokollet publiceras inte här; det kan läsas på förvaringsplatsen.{{#if finnish}} <span lang="fi">Pöytäkirjaa ei julkaista täällä; sen voi lukea säilytyspaikassa.</span>{{/if}}{{/if}}</dd>
</dl>
{{/if}}
</article>
{{else}}
<p>{{#if archive}}Det finns inga nedtagna anslag.{{else}}Det finns inga anslag just nu.{{/if}}</p>
{{/each}}
{{#if pager}}<nav aria-label="Sidor" class="pager">{{#if pager.previous}}<a href="{{pager.previous}}">← Nyare</a>{{/if}}{{#if pager.next}}<a href="{{pager.next}}">Äldre →</a>{{/if}}</nav>{{/if}}
<section class="appeal" aria-labelledby="overklagande">
<h2 id="overklagande">Så överklagar du</h2>
<p>Den som är medlem i kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då justeringen av protokollet tillkännagavs på anslagstavlan, det vill säga senast den dag som anges som sista dag att överklaga.</p>
{{#if finnish}}
<h2 lang="fi">Näin haet muutosta</h2>
<p lang="fi">Kunnan jäsen voi hakea muutosta päätökseen laillisuusvalituksella kuntalain (kommunallagen) 13 luvun mukaisesti. Valituksen on oltava perillä hallinto-oikeudessa (förvaltningsrätten) kolmen viikon kuluessa siitä päivästä, jona pöytäkirjan tarkastuksesta on ilmoitettu ilmoitustaululla, eli viimeistään valitusajan viimeisenä päivänä.</p>
{{/if}}
</section>
`);

const BOARD_LABELS = [
  'time',
  'place',
  'postingUp',
  'postingDown',
  'documentsKept',
  'matters',
  'organ',
  'meetingDate',
  'paragraphs',
  'verifiedMinutes',
  'appealUntil',
  'storagePlace',
  'personalData',
  'personalDataNotice',
  'minutes',
  'cancellationReason',
] as const satisfies TermKey[];

/** The labels of one posting: Swedish, "Swedish / Finnish" for a posting of an organ with Finnish. */
function boardLabels(finnish: boolean): Record<(typeof BOARD_LABELS)[number], string> & { meetingCancelledFi: string } {
  const label = labeller(finnish);
  const labels = Object.fromEntries(BOARD_LABELS.map((key) => [key, label(key)])) as Record<(typeof BOARD_LABELS)[number], string>;
  return { ...labels, meetingCancelledFi: LABEL_TERMS.meetingCancelled.fi };
}

/** The Finnish heading of a posting ("Pöytäkirja – Råd för finskt förvaltningsområde, kokous 11. tammikuuta 2023"), its time and its download links. */
function finnishParts(posting: Posting): { heading: string; time: string | null; download: string; downloadPdf: string } {
  const date = finnishLongDate(posting.meetingDate);
  if (posting.announcement) {
    return {
      heading: `${DOCUMENT_KIND_TERMS.announcement.fi} – ${posting.organName}, kokous ${date}`,
      time: finnishMeetingTime(posting.announcement.startsAt, posting.announcement.endsAt),
      download: '',
      downloadPdf: '',
    };
  }
  const kind = posting.paragraphId ? DOCUMENT_KIND_TERMS.extract : DOCUMENT_KIND_TERMS.minutes;
  return {
    heading: `${posting.paragraphId ? DOCUMENT_KIND_TERMS.extract.fi : DOCUMENT_KIND_TERMS.minutes.fi} – ${posting.organName}, kokous ${date}`,
    time: null,
    download: `Lataa ${kind.fi.toLocaleLowerCase('fi-FI')} (Word)`,
    downloadPdf: `Lataa ${kind.fi.toLocaleLowerCase('fi-FI')} (PDF)`,
  };
}

/**
 * The municipality's official digital notice board (anslagstavla), for anyone: the postings that are up, with their
 * up and down dates and the last day to appeal, and the archive of those taken down.
 */
@Injectable()
export class NoticeBoardPageService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(municipalityCode: string): Promise<PublicResource> {
    return this.render(municipalityCode, null);
  }

  async archive(municipalityCode: string, pageNumber: number): Promise<PublicResource> {
    return this.render(municipalityCode, pageNumber);
  }

  private async render(municipalityCode: string, archivePage: number | null): Promise<PublicResource> {
    const municipality = await municipalityByCode(this.dataSource, municipalityCode);
    const code = municipality.code;
    const archive = archivePage !== null;
    const [postings, total] = await this.dataSource.getRepository(Posting).findAndCount({
      where: { municipalityId: municipality.id, status: archive ? 'down' : 'up' },
      order: archive ? { takenDownOn: 'DESC', postedOn: 'DESC', organName: 'ASC' } : { postedOn: 'DESC', organName: 'ASC' },
      ...(archive ? { take: ARCHIVE_PAGE_SIZE, skip: (archivePage - 1) * ARCHIVE_PAGE_SIZE } : {}),
    });
    const minutesIds = postings.map((posting) => posting.minutesId).filter((id): id is string => id !== null);
    const withPersonalData = new Set<string>(
      minutesIds.length > 0 ? (await this.dataSource.query(`SELECT id FROM minutes WHERE id = ANY($1) AND contains_personal_data`, [minutesIds])).map((row: { id: string }) => row.id) : [],
    );
    // The board's own texts are given in Finnish as well while a posting in Finnish is up.
    const finnishBoard = postings.some((posting) => withFinnish(posting.languages));
    const archiveUrl = (to: number) => `${publicPaths.noticeBoardArchive(code)}${to > 1 ? `?sida=${to}` : ''}`;
    const body = page({
      archive,
      archiveUrl: publicPaths.noticeBoardArchive(code),
      feedUrl: publicPaths.noticeBoardFeed(code, 'atom'),
      rssUrl: publicPaths.noticeBoardFeed(code, 'rss'),
      pager: archive && total > ARCHIVE_PAGE_SIZE ? { previous: archivePage > 1 ? archiveUrl(archivePage - 1) : null, next: archivePage * ARCHIVE_PAGE_SIZE < total ? archiveUrl(archivePage + 1) : null } : null,
      finnish: finnishBoard,
      postings: postings.map((posting) => {
        const finnish = withFinnish(posting.languages);
        // Dates in Swedish, and in Finnish after them for a posting of an organ with Finnish.
        const date = (isoDate: string) => (finnish ? `${swedishLongDate(isoDate)} / ${finnishLongDate(isoDate)}` : swedishLongDate(isoDate));
        return {
          ...posting,
          meetingDate: swedishLongDate(posting.meetingDate),
          verifiedOn: posting.verifiedOn ? date(posting.verifiedOn) : null,
          postedOn: date(posting.postedOn),
          takenDownOn: date(posting.takenDownOn),
          lastAppealDay: posting.lastAppealDay ? date(posting.lastAppealDay) : null,
          time: posting.announcement ? swedishMeetingTime(posting.announcement.startsAt, posting.announcement.endsAt) : null,
          // The DOCX while the posting is up; the PDF/A stays published in the archive.
          fileUrl: posting.fileSha256 && !archive ? `/anslagstavla/${code}/anslag/${posting.id}/protokoll.docx` : null,
          pdfUrl: posting.archivalPdfSha256 && posting.fileSha256 ? publicPaths.postingMinutesPdf(code, posting.id) : null,
          personalData: posting.minutesId !== null && withPersonalData.has(posting.minutesId),
          items: (posting.announcement?.items ?? []).map((item) => ({ ...item, titleFi: finnish ? (item.titleFi ?? null) : null })),
          labels: boardLabels(finnish),
          finnish: finnish ? finnishParts(posting) : null,
        };
      }),
    });
    const title = archive ? `${DOCUMENT_KIND_TERMS.noticeBoard.sv}: arkiv` : DOCUMENT_KIND_TERMS.noticeBoard.sv;
    return html(
      renderLayout({ lang: 'sv', title, titleHtml: archive ? undefined : boardTitle({ ...DOCUMENT_KIND_TERMS.noticeBoard, finnish: finnishBoard }), municipality, body }),
      newest([municipality.updatedAt, ...postings.map((posting) => posting.updatedAt)]),
    );
  }
}

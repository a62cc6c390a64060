import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage, Municipality, NotFoundError } from '@namndrum/core';
import { DOCUMENT_KIND_TERMS, finnishLongDate, finnishMeetingTime, LABEL_TERMS, labeller, swedishLongDate, swedishMeetingTime, TermKey, withFinnish } from '@namndrum/documents';
import Handlebars from 'handlebars';
import { DataSource } from 'typeorm';
import { Posting } from './entities';

const page = Handlebars.compile(`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Anslagstavla – {{municipalityName}}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
.municipality { text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
article { border: 1px solid #bbb; border-radius: 4px; padding: 1rem 1.25rem; margin: 1rem 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
a { color: #0b4f8a; }
.appeal { background: #f3f6f9; padding: .75rem 1rem; margin-top: 1.5rem; }
.cancelled { background: #fde8e8; border: 2px solid #b00020; padding: .5rem 1rem; font-weight: 600; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
</style>
</head>
<body>
<p class="municipality">{{municipalityName}}</p>
<h1>{{boardTitle.sv}}{{#if finnish}} / <span lang="fi">{{boardTitle.fi}}</span>{{/if}}</h1>
<p>Kungörelser om kommunfullmäktiges sammanträden och tillkännagivanden om justerade protokoll. Ett anslag om ett protokoll sitter uppe under hela tiden för överklagande.</p>
{{#if finnish}}<p lang="fi">Kunnanvaltuuston kokousten kuulutukset ja ilmoitukset tarkastetuista pöytäkirjoista. Pöytäkirjaa koskeva ilmoitus on nähtävillä koko valitusajan.</p>{{/if}}
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
<p>Det finns inga anslag just nu.</p>
{{/each}}
<section class="appeal" aria-labelledby="overklagande">
<h2 id="overklagande">Så överklagar du</h2>
<p>Den som är medlem i kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då justeringen av protokollet tillkännagavs på anslagstavlan, det vill säga senast den dag som anges som sista dag att överklaga.</p>
{{#if finnish}}
<h2 lang="fi">Näin haet muutosta</h2>
<p lang="fi">Kunnan jäsen voi hakea muutosta päätökseen laillisuusvalituksella kuntalain (kommunallagen) 13 luvun mukaisesti. Valituksen on oltava perillä hallinto-oikeudessa (förvaltningsrätten) kolmen viikon kuluessa siitä päivästä, jona pöytäkirjan tarkastuksesta on ilmoitettu ilmoitustaululla, eli viimeistään valitusajan viimeisenä päivänä.</p>
{{/if}}
</section>
</body>
</html>`);

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

/** The municipality's official digital notice board (anslagstavla): the postings that are up, for anyone. */
@Injectable()
export class NoticeBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
  ) {}

  async page(municipalityCode: string): Promise<string> {
    const municipality = await this.municipality(municipalityCode);
    const postings = await this.dataSource.getRepository(Posting).find({ where: { municipalityId: municipality.id, status: 'up' }, order: { postedOn: 'DESC', organName: 'ASC' } });
    const minutesIds = postings.map((posting) => posting.minutesId).filter((id): id is string => id !== null);
    const withPersonalData = new Set<string>(
      minutesIds.length > 0 ? (await this.dataSource.query(`SELECT id FROM minutes WHERE id = ANY($1) AND contains_personal_data`, [minutesIds])).map((row: { id: string }) => row.id) : [],
    );
    return page({
      municipalityName: municipality.name,
      boardTitle: DOCUMENT_KIND_TERMS.noticeBoard,
      // The board's own texts are given in Finnish as well while a posting in Finnish is up.
      finnish: postings.some((posting) => withFinnish(posting.languages)),
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
          fileUrl: posting.fileSha256 ? `/anslagstavla/${municipality.code}/anslag/${posting.id}/protokoll.docx` : null,
          pdfUrl: posting.archivalPdfSha256 ? `/anslagstavla/${municipality.code}/anslag/${posting.id}/protokoll.pdf` : null,
          personalData: posting.minutesId !== null && withPersonalData.has(posting.minutesId),
          items: (posting.announcement?.items ?? []).map((item) => ({ ...item, titleFi: finnish ? (item.titleFi ?? null) : null })),
          labels: boardLabels(finnish),
          finnish: finnish ? finnishParts(posting) : null,
        };
      }),
    });
  }

  /** The published minutes of a posting while it is up. */
  async file(municipalityCode: string, postingId: string): Promise<{ fileName: string; content: Buffer }> {
    const posting = await this.postingUp(municipalityCode, postingId);
    if (!posting.fileSha256) throw new NotFoundError('Anslaget');
    return { fileName: `${publishedLabel(posting)}.docx`, content: await this.files.get(posting.fileSha256) };
  }

  /** The published minutes of a posting as PDF/A, once the worker has made it, while the posting is up. */
  async pdf(municipalityCode: string, postingId: string): Promise<{ fileName: string; content: Buffer }> {
    const posting = await this.postingUp(municipalityCode, postingId);
    if (!posting.archivalPdfSha256) throw new NotFoundError('Anslaget');
    return { fileName: `${publishedLabel(posting)}.pdf`, content: await this.files.get(posting.archivalPdfSha256) };
  }

  private async postingUp(municipalityCode: string, postingId: string): Promise<Posting> {
    const municipality = await this.municipality(municipalityCode);
    const posting = await this.dataSource.getRepository(Posting).findOneBy({ id: postingId, municipalityId: municipality.id, status: 'up' });
    if (!posting) throw new NotFoundError('Anslaget');
    return posting;
  }

  private async municipality(code: string): Promise<Municipality> {
    const municipality = /^\d{4}$/.test(code) ? await this.dataSource.getRepository(Municipality).findOneBy({ code }) : null;
    if (!municipality) throw new NotFoundError('Kommunen');
    return municipality;
  }
}

function publishedLabel(posting: Posting): string {
  return posting.paragraphId ? `Protokollsutdrag ${posting.organName} ${posting.meetingDate} ${posting.paragraphs}` : `Protokoll ${posting.organName} ${posting.meetingDate}`;
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILE_STORAGE, FileStorage, Municipality, NotFoundError } from '@namndrum/core';
import { swedishLongDate, swedishMeetingTime } from '@namndrum/documents';
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
<h1>Anslagstavla</h1>
<p>Kungörelser om kommunfullmäktiges sammanträden och tillkännagivanden om justerade protokoll. Ett anslag om ett protokoll sitter uppe under hela tiden för överklagande.</p>
{{#each postings}}
<article aria-labelledby="anslag-{{id}}">
{{#if announcement}}
<h2 id="anslag-{{id}}">Kungörelse – {{organName}} sammanträder {{meetingDate}}</h2>
{{#if announcement.cancelled}}<p class="cancelled">Sammanträdet är inställt.</p>{{/if}}
<dl>
<dt>Tid</dt><dd>{{time}}</dd>
<dt>Plats</dt><dd>{{announcement.place}}</dd>
<dt>Anslaget sattes upp</dt><dd>{{postedOn}}</dd>
<dt>Anslaget tas ned</dt><dd>{{takenDownOn}}</dd>
<dt>Handlingarna finns</dt><dd>{{storagePlace}}</dd>
</dl>
<h3>Ärenden</h3>
<ol>{{#each announcement.items}}<li value="{{number}}">{{title}}{{#if caseNumber}} ({{caseNumber}}){{/if}}</li>{{/each}}</ol>
{{else}}
<h2 id="anslag-{{id}}">{{documentType}} – {{organName}}, sammanträde {{meetingDate}}</h2>
<dl>
<dt>Organ</dt><dd>{{organName}}</dd>
<dt>Sammanträdesdatum</dt><dd>{{meetingDate}}</dd>
<dt>Paragrafer</dt><dd>{{paragraphs}}</dd>
<dt>Protokollet justerat</dt><dd>{{verifiedOn}}</dd>
<dt>Anslaget sattes upp</dt><dd>{{postedOn}}</dd>
<dt>Anslaget tas ned</dt><dd>{{takenDownOn}}</dd>
<dt>Sista dag att överklaga</dt><dd>{{lastAppealDay}}</dd>
<dt>Förvaringsplats för protokollet</dt><dd>{{storagePlace}}</dd>
{{#if personalData}}<dt>Personuppgifter</dt><dd>Protokollet innehåller personuppgifter; paragrafer med personuppgifter publiceras inte.</dd>{{/if}}
<dt>Protokoll</dt><dd>{{#if fileUrl}}<a href="{{fileUrl}}">Ladda ned {{#if paragraphId}}protokollsutdraget{{else}}protokollet{{/if}} (Word)</a>{{else}}Protokollet publiceras inte här; det kan läsas på förvaringsplatsen.{{/if}}</dd>
</dl>
{{/if}}
</article>
{{else}}
<p>Det finns inga anslag just nu.</p>
{{/each}}
<section class="appeal" aria-labelledby="overklagande">
<h2 id="overklagande">Så överklagar du</h2>
<p>Den som är medlem i kommunen kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då justeringen av protokollet tillkännagavs på anslagstavlan, det vill säga senast den dag som anges som sista dag att överklaga.</p>
</section>
</body>
</html>`);

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
      postings: postings.map((posting) => ({
        ...posting,
        meetingDate: swedishLongDate(posting.meetingDate),
        verifiedOn: posting.verifiedOn ? swedishLongDate(posting.verifiedOn) : null,
        postedOn: swedishLongDate(posting.postedOn),
        takenDownOn: swedishLongDate(posting.takenDownOn),
        lastAppealDay: posting.lastAppealDay ? swedishLongDate(posting.lastAppealDay) : null,
        time: posting.announcement ? swedishMeetingTime(posting.announcement.startsAt, posting.announcement.endsAt) : null,
        personalData: posting.minutesId !== null && withPersonalData.has(posting.minutesId),
        fileUrl: posting.fileSha256 ? `/anslagstavla/${municipality.code}/anslag/${posting.id}/protokoll.docx` : null,
      })),
    });
  }

  /** The published minutes of a posting while it is up. */
  async file(municipalityCode: string, postingId: string): Promise<{ fileName: string; content: Buffer }> {
    const municipality = await this.municipality(municipalityCode);
    const posting = await this.dataSource.getRepository(Posting).findOneBy({ id: postingId, municipalityId: municipality.id, status: 'up' });
    if (!posting?.fileSha256) throw new NotFoundError('Anslaget');
    const label = posting.paragraphId ? `Protokollsutdrag ${posting.organName} ${posting.meetingDate} ${posting.paragraphs}` : `Protokoll ${posting.organName} ${posting.meetingDate}`;
    return { fileName: `${label}.docx`, content: await this.files.get(posting.fileSha256) };
  }

  private async municipality(code: string): Promise<Municipality> {
    const municipality = /^\d{4}$/.test(code) ? await this.dataSource.getRepository(Municipality).findOneBy({ code }) : null;
    if (!municipality) throw new NotFoundError('Kommunen');
    return municipality;
  }
}

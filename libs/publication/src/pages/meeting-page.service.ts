import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Municipality, NotFoundError, RequestContext } from '@namndrum/core';
import { finnishMeetingTime, LABEL_TERMS, labeller, noReportedDecisionsText, reportedDecisionTables, withFinnish } from '@namndrum/documents';
import { MatterSecrecyService } from '@namndrum/matters';
import { AgendaItem, agendaItemAsRead, DelegationReportService, formatGroupMeetingLines, isDelegationReportItem, Meeting, MEETING_TIME_ZONE } from '@namndrum/meetings';
import { OrganService } from '@namndrum/organisation';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { PublicFilesService } from '../files/public-files.service';
import { PublicResource } from '../public-resource';
import { publicPaths } from '../public-urls';
import { fileSize, html, newest } from './page-helpers';
import { PublishedDecisionsService } from './published-decisions.service';
import { renderLayout } from './layout';

const page = Handlebars.compile(`<p>{{labels.meeting}}</p>
{{#if cancelled}}<p class="cancelled">Sammanträdet är inställt.{{#if cancellationReason}} {{labels.cancellationReason}}: {{cancellationReason}}{{/if}}{{#if finnish}} <span lang="fi">{{labels.cancelledFi}}</span>{{/if}}</p>{{/if}}
<dl>
<dt>{{labels.time}}</dt><dd>{{time}}{{#if timeFi}}<br><span lang="fi">{{timeFi}}</span>{{/if}}</dd>
{{#each groupMeetings}}<dt>{{../labels.groupMeeting}}</dt><dd>{{this}}</dd>{{/each}}
<dt>{{labels.place}}</dt><dd>{{place}}</dd>
<dt>Organ</dt><dd><a href="{{organUrl}}">{{organName}}</a></dd>
</dl>
<h2>{{labels.matters}}</h2>
<table>
<caption>Föredragningslista</caption>
<thead><tr><th>{{labels.number}}</th><th>{{labels.matter}}</th><th>{{labels.caseNumber}}</th></tr></thead>
<tbody>
{{#each items}}<tr><td class="nr">{{number}}</td><td>{{title}}{{#if titleFi}}<br><span lang="fi">{{titleFi}}</span>{{/if}}{{#if documentsLater}} <span class="note">({{../labels.documentsLater}})</span>{{/if}}{{#if closed}} <span class="note">({{../labels.closed}})</span>{{/if}}</td><td class="dnr">{{#if matterUrl}}<a href="{{matterUrl}}">{{caseNumber}}</a>{{else}}{{caseNumber}}{{/if}}</td></tr>
{{#if report}}<tr class="report"><td></td><td colspan="2">{{#each report.tables}}<h3>{{heading}}</h3><table class="decisions"><thead><tr>{{#each header}}<th>{{this}}</th>{{/each}}</tr></thead><tbody>{{#each rows}}<tr>{{#each this}}<td>{{this}}</td>{{/each}}</tr>{{/each}}</tbody></table>{{else}}{{#each report.none}}<p class="note">{{this}}</p>{{/each}}{{/each}}</td></tr>
{{/if}}
{{/each}}
</tbody>
</table>
{{#if handlingar.length}}
<h2>Kallelse och handlingar</h2>
<ul>{{#each handlingar}}<li><a href="{{path}}" type="application/pdf">{{title}}</a> (PDF, {{size}})</li>{{/each}}</ul>
<p class="note">Handlingar i ärenden som omfattas av sekretess eller innehåller personuppgifter publiceras inte här.</p>
{{else}}
<p class="note">Handlingarna finns hos nämndsekreteraren och, för ledamöter och ersättare, i kallelsen.</p>
{{/if}}
{{#if finnish}}<p class="note" lang="fi">Asiakirjat ovat saatavilla sihteeriltä sekä jäsenille ja varajäsenille kokouskutsun liitteinä.</p>{{/if}}
{{#if protokoll.length}}
<h2>Protokoll</h2>
<ul>{{#each protokoll}}<li><a href="{{path}}" type="application/pdf">{{title}}</a> (PDF, {{size}})</li>{{/each}}</ul>
{{/if}}
{{#if decisions.length}}
<h2>Beslut</h2>
{{#each decisions}}<section class="decision" aria-labelledby="paragraf-{{id}}"><h3 id="paragraf-{{id}}">§ {{number}} {{title}}{{#if caseNumber}} ({{caseNumber}}){{/if}}</h3>{{#each text}}<p>{{this}}</p>{{else}}<p class="note">Beslutstexten publiceras inte här.</p>{{/each}}</section>{{/each}}
{{/if}}`);

/**
 * The public page of a meeting: what the kallelse announces (time, place, agenda), for organs that
 * publish their notices and only once the notice has gone out. Titles of secret matters are not shown, nor the
 * text of a delegated decision in one.
 */
@Injectable()
export class PublicMeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organs: OrganService,
    private readonly secrecy: MatterSecrecyService,
    private readonly delegationReport: DelegationReportService,
    private readonly files: PublicFilesService,
    private readonly decisions: PublishedDecisionsService,
  ) {}

  async page(meetingId: string): Promise<PublicResource> {
    const meeting = await this.dataSource.getRepository(Meeting).findOneBy({ id: meetingId });
    const published = meeting && (['notice_sent', 'held', 'minutes_verified'].includes(meeting.status) || (meeting.status === 'cancelled' && (await this.wasSent(meeting.id))));
    if (!meeting || !published) throw new NotFoundError('Sammanträdet');
    const ctx = RequestContext.system(this.dataSource.manager, meeting.municipalityId, 'public');
    const organ = await this.organs.get(ctx, meeting.organId);
    if (!organ.rules.publishNotices) throw new NotFoundError('Sammanträdet');
    const municipality = await this.dataSource.getRepository(Municipality).findOneByOrFail({ id: meeting.municipalityId });
    const items = await this.dataSource.getRepository(AgendaItem).find({ where: { meetingId: meeting.id }, order: { position: 'ASC' } });
    const readings = await this.secrecy.readings(ctx, items.map((item) => item.matterId), this.secrecy.publicAccess);
    const start = DateTime.fromJSDate(meeting.startsAt, { zone: MEETING_TIME_ZONE }).setLocale('sv');
    const end = DateTime.fromJSDate(meeting.endsAt, { zone: MEETING_TIME_ZONE });
    const weekday = start.toFormat('cccc');
    const finnish = withFinnish(organ.rules.languages);
    const label = labeller(finnish);
    // The decisions the delegation item reports, as the notice lists them: a secret matter's only as "Beslut i sekretessärende" with its dnr.
    const reported = items.some(isDelegationReportItem) ? await this.delegationReport.lines(ctx, meeting, 'public') : [];
    const report = {
      tables: reportedDecisionTables(reported, finnish, 'notice').map((table) => ({ heading: table.heading, header: table.rows[0], rows: table.rows.slice(1) })),
      none: noReportedDecisionsText(finnish).split('\n'),
    };
    const files = await this.files.forMeeting(municipality.id, meeting.id);
    const handlingar = files.filter((file) => file.path === publicPaths.meetingFile(meeting.id, file.id));
    const protokoll = files.filter((file) => !handlingar.includes(file));
    const decisions = await this.decisions.forMeeting(municipality.id, meeting.id);
    const matterIds = new Set(await this.decisions.publicMatterIds(municipality.id, items.map((item) => item.matterId)));
    const body = page({
      organUrl: publicPaths.organ(municipality.code, organ.id),
      handlingar: handlingar.map((file) => ({ ...file, size: fileSize(file.sizeBytes) })),
      protokoll: protokoll.map((file) => ({ ...file, size: fileSize(file.sizeBytes) })),
      decisions,
      municipalityName: municipality.name,
      organName: organ.name,
      finnish,
      labels: {
        meeting: label('meeting'),
        cancelledFi: LABEL_TERMS.meetingCancelled.fi,
        cancellationReason: LABEL_TERMS.cancellationReason.sv,
        time: label('time'),
        groupMeeting: label('groupMeeting'),
        place: label('place'),
        matters: label('matters'),
        number: label('number'),
        matter: label('matter'),
        caseNumber: label('caseNumber'),
        // In parentheses after the title, in lower case.
        documentsLater: label('documentsLater').toLocaleLowerCase('sv-SE'),
        closed: label('closed').toLocaleLowerCase('sv-SE'),
      },
      timeFi: finnish ? finnishMeetingTime(meeting.startsAt, meeting.endsAt) : null,
      date: start.toFormat('yyyy-MM-dd'),
      time: `${weekday[0].toUpperCase()}${weekday.slice(1)} ${start.toFormat('d MMMM yyyy')}, kl. ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`,
      groupMeetings: formatGroupMeetingLines(meeting.groupMeetings),
      place: meeting.place,
      cancelled: meeting.status === 'cancelled',
      cancellationReason: meeting.cancellationReason,
      items: items.map((item) => agendaItemAsRead(item, readings.get(item.matterId ?? ''))).map((item) => ({
        number: item.position,
        matterUrl: item.matterId && item.caseNumber && matterIds.has(item.matterId) ? publicPaths.matter(municipality.code, item.matterId) : null,
        title: item.title,
        titleFi: finnish ? item.titleFi : null,
        caseNumber: item.caseNumber ?? '',
        documentsLater: item.documentsLater,
        closed: organ.rules.openMeetings && !item.public,
        report: isDelegationReportItem(item) ? report : null,
      })),
    });
    return html(
      renderLayout({ lang: 'sv', title: organ.name, municipality, body }),
      newest([meeting.updatedAt, organ.updatedAt, ...items.map((item) => item.updatedAt), ...files.map((file) => file.updatedAt), ...decisions.map((decision) => decision.updatedAt)]),
    );
  }
  private async wasSent(meetingId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM meeting_notices WHERE meeting_id = $1 AND status = 'dispatched' LIMIT 1`, [meetingId]);
    return rows.length > 0;
  }
}

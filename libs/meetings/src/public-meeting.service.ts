import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Municipality, NotFoundError, RequestContext } from '@namndrum/core';
import { finnishMeetingTime, LABEL_TERMS, labeller, noReportedDecisionsText, reportedDecisionTables, withFinnish } from '@namndrum/documents';
import { MatterSecrecyService } from '@namndrum/matters';
import { DelegationReportService } from './delegation-report.service';
import { agendaItemAsRead } from './domain/agenda-secrecy';
import { OrganService } from '@namndrum/organisation';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { MEETING_TIME_ZONE } from './domain/clock-time';
import { isDelegationReportItem } from './domain/delegation-report';
import { formatGroupMeetingLines } from './domain/group-meetings';
import { AgendaItem, Meeting } from './entities';

const page = Handlebars.compile(`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{organName}} {{date}} – {{municipalityName}}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
.municipality { text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
.cancelled { background: #fde8e8; border: 2px solid #b00020; padding: .75rem 1rem; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
td.nr { width: 2.5rem; }
td.dnr { white-space: nowrap; }
.note { color: #555; font-style: italic; }
tr.report h3 { font-size: 1rem; margin: .5rem 0 0; }
table.decisions { margin-top: .25rem; font-size: .9rem; }
</style>
</head>
<body>
<p class="municipality">{{municipalityName}}</p>
<h1>{{organName}}</h1>
<p>{{labels.meeting}}</p>
{{#if cancelled}}<p class="cancelled">Sammanträdet är inställt.{{#if cancellationReason}} {{labels.cancellationReason}}: {{cancellationReason}}{{/if}}{{#if finnish}} <span lang="fi">{{labels.cancelledFi}}</span>{{/if}}</p>{{/if}}
<dl>
<dt>{{labels.time}}</dt><dd>{{time}}{{#if timeFi}}<br><span lang="fi">{{timeFi}}</span>{{/if}}</dd>
{{#each groupMeetings}}<dt>{{../labels.groupMeeting}}</dt><dd>{{this}}</dd>{{/each}}
<dt>{{labels.place}}</dt><dd>{{place}}</dd>
</dl>
<h2>{{labels.matters}}</h2>
<table>
<thead><tr><th>{{labels.number}}</th><th>{{labels.matter}}</th><th>{{labels.caseNumber}}</th></tr></thead>
<tbody>
{{#each items}}<tr><td class="nr">{{number}}</td><td>{{title}}{{#if titleFi}}<br><span lang="fi">{{titleFi}}</span>{{/if}}{{#if documentsLater}} <span class="note">({{../labels.documentsLater}})</span>{{/if}}{{#if closed}} <span class="note">({{../labels.closed}})</span>{{/if}}</td><td class="dnr">{{caseNumber}}</td></tr>
{{#if report}}<tr class="report"><td></td><td colspan="2">{{#each report.tables}}<h3>{{heading}}</h3><table class="decisions"><thead><tr>{{#each header}}<th>{{this}}</th>{{/each}}</tr></thead><tbody>{{#each rows}}<tr>{{#each this}}<td>{{this}}</td>{{/each}}</tr>{{/each}}</tbody></table>{{else}}{{#each report.none}}<p class="note">{{this}}</p>{{/each}}{{/each}}</td></tr>
{{/if}}
{{/each}}
</tbody>
</table>
<p class="note">Handlingarna finns hos nämndsekreteraren och, för ledamöter och ersättare, i kallelsen.</p>
{{#if finnish}}<p class="note" lang="fi">Asiakirjat ovat saatavilla sihteeriltä sekä jäsenille ja varajäsenille kokouskutsun liitteinä.</p>{{/if}}
</body>
</html>`);

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
  ) {}

  async page(meetingId: string): Promise<string> {
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
    return page({
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
        title: item.title,
        titleFi: finnish ? item.titleFi : null,
        caseNumber: item.caseNumber ?? '',
        documentsLater: item.documentsLater,
        closed: organ.rules.openMeetings && !item.public,
        report: isDelegationReportItem(item) ? report : null,
      })),
    });
  }

  private async wasSent(meetingId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM meeting_notices WHERE meeting_id = $1 AND status = 'dispatched' LIMIT 1`, [meetingId]);
    return rows.length > 0;
  }
}

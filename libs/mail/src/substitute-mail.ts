import {
  HTML_FOOT,
  HTML_HEAD,
  compileHtml,
  compileText,
  contactInline,
  contactPerson,
  finnishMeetingTime,
  meetingTimes,
  requireWebUrl,
  subjectLine,
  swedishMeetingTime,
  swedishWeekdayDateTime,
  tidyText,
  wantsFinnish,
  type ContactBlock,
  type FinnishSummary,
  type MeetingModel,
  type MeetingTimes,
} from './mail-common';
import type { ComposedMail, SubstituteCallMailView } from './mail-views';

interface SubstituteModel extends MeetingModel {
  substituteName: string;
  sentences: string[];
}

const substituteHtml = compileHtml(`${HTML_HEAD}<p style="margin:0 0 16px;">Hej {{substituteName}}!</p>
{{#each sentences}}
<p style="margin:16px 0;">{{this}}</p>
{{/each}}
{{> meetingFacts}}
<p style="margin:16px 0;"><a href="{{meetingUrl}}">Öppna sammanträdet i Nämndrum</a></p>
{{> contact}}
{{> finnish}}
{{> closing}}
${HTML_FOOT}`);

const substituteText = compileText(`Hej {{substituteName}}!

{{#each sentences}}
{{this}}
{{/each}}

{{> meetingFacts}}

Öppna sammanträdet i Nämndrum:
{{meetingUrl}}

{{> contact}}
{{> finnish}}

{{> closing}}
`);

function sentences(view: SubstituteCallMailView, times: MeetingTimes): string[] {
  const when = swedishWeekdayDateTime(times.start);
  if (view.kind === 'called') {
    return [
      `Du är inkallad att tjänstgöra som ersättare för ${view.replacesName} vid sammanträdet med ${view.organName} ${when}.`,
      'Kallelsen och handlingarna finns i Nämndrum.',
    ];
  }
  return [
    `Du behöver inte tjänstgöra för ${view.replacesName} vid sammanträdet med ${view.organName} ${when}.`,
    'Inkallelsen är återkallad.',
  ];
}

function contact(view: SubstituteCallMailView): ContactBlock | null {
  const person = contactPerson(view.secretary);
  // A called substitute must be able to say no in time even when no secretary is registered, so that line stays.
  if (view.kind === 'called') return { lead: person ? 'Meddela sekreteraren om du inte kan komma:' : 'Meddela sekreteraren om du inte kan komma.', person };
  return person ? { lead: 'Har du frågor? Kontakta sekreteraren:', person } : null;
}

function finnishSummary(view: SubstituteCallMailView, times: MeetingTimes): FinnishSummary | null {
  if (!wantsFinnish(view)) return null;
  const person = contactPerson(view.secretary);
  // The member's name goes after "jäsenen" so that it needs no Finnish case ending.
  const called = view.kind === 'called';
  return {
    time: finnishMeetingTime(times),
    sentences: called
      ? [`Sinut on kutsuttu varajäseneksi jäsenen ${view.replacesName} tilalle.`]
      : [`Varajäsenkutsu on peruttu. Sinun ei tarvitse toimia jäsenen ${view.replacesName} sijaisena.`],
    agenda: null,
    links: [{ label: 'Linkki kokoukseen', url: view.meetingUrl }],
    contactLine: called
      ? `Ilmoita sihteerille, jos et pääse paikalle${person ? `: ${contactInline(person)}` : ''}.`
      : person
        ? `Lisätietoja antaa sihteeri ${contactInline(person)}.`
        : null,
  };
}

/** Tells a substitute that they are called in to serve for an absent member, or that the call is withdrawn. */
export function composeSubstituteCallMail(view: SubstituteCallMailView): ComposedMail {
  const times = meetingTimes(view);
  const meetingUrl = requireWebUrl(view.meetingUrl, 'meetingUrl');
  const finnish = wantsFinnish(view);
  const subject =
    view.kind === 'called'
      ? subjectLine('Inkallelse att tjänstgöra', finnish ? 'Kutsu varajäseneksi' : null, view, times.start)
      : subjectLine('Inkallelsen återkallad', finnish ? 'Varajäsenkutsu peruttu' : null, view, times.start);

  const model: SubstituteModel = {
    subject,
    substituteName: view.substituteName,
    organName: view.organName,
    municipalityName: view.municipalityName,
    sentences: sentences(view, times),
    time: swedishMeetingTime(times),
    // A released substitute has no group meeting to go to.
    groupMeetingLines: view.kind === 'called' ? view.groupMeetingLines : [],
    place: view.place,
    meetingUrl,
    contact: contact(view),
    finnish: finnishSummary(view, times),
  };
  return { subject, text: tidyText(substituteText(model)), html: substituteHtml(model) };
}

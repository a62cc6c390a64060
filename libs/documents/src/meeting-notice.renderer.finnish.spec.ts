import { renderMeetingNotice } from './meeting-notice.renderer';
import { sunNotice } from './testing/meeting-notice.factory';
import { readDocx } from './testing/read-docx';
import { MeetingNoticeView } from './view-models';

const FINNISH_TITLE = 'Pöytäkirjantarkastajien valinta';

function withFinnishTitle(languages: MeetingNoticeView['languages']): MeetingNoticeView {
  const view = sunNotice({ languages });
  return { ...view, items: view.items.map((item) => (item.number === 1 ? { ...item, titleFi: FINNISH_TITLE, closed: true } : item)) };
}

describe('Finnish titles in the kallelse', () => {
  it('prints the Finnish title under the Swedish one in the agenda of an organ with Finnish', async () => {
    const { html } = await readDocx(await renderMeetingNotice(withFinnishTitle(['sv', 'fi'])));
    expect(html).toContain(`<td><p>Val av justerande<br />${FINNISH_TITLE} (Ej offentligt / Ei julkinen)</p></td>`);
  });

  it('leaves the Finnish title out where the organ has no Finnish', async () => {
    const { html, text } = await readDocx(await renderMeetingNotice(withFinnishTitle(['sv'])));
    expect(html).toContain('<td><p>Val av justerande (Ej offentligt)</p></td>');
    expect(text).not.toContain(FINNISH_TITLE);
  });
});

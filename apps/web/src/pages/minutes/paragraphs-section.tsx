import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Schemas } from '../../api/client';
import { minutesKey } from './paragraph-changes';
import { ParagraphEditor } from './paragraph-editor';

/**
 * The paragraphs of the minutes as the secretary keeps them during the meeting: a list of § (arrow
 * keys move between them) beside the current one. The § shown is in the address (`?paragraf=12`),
 * so a reload comes back to it.
 */
export function ParagraphsSection({ minutes }: { minutes: Schemas['MinutesDto'] }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const paragraphs = minutes.paragraphs;
  const wanted = Number(search.get('paragraf'));
  const current = paragraphs.find((paragraph) => paragraph.number === wanted) ?? paragraphs.find((paragraph) => paragraph.status === 'open') ?? paragraphs[0];

  // Back in this tab after working in another: read the minutes again, so nothing written there is overwritten unseen.
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: minutesKey(minutes.meetingId) });
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [queryClient, minutes.meetingId]);

  if (!current) {
    return (
      <section aria-labelledby="paragrafer-rubrik">
        <h2 id="paragrafer-rubrik">Paragrafer</h2>
        <p>Protokollet har inga paragrafer.</p>
      </section>
    );
  }
  const select = (key: string | number) => {
    const paragraph = paragraphs.find((candidate) => candidate.id === key);
    if (!paragraph) return;
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('paragraf', String(paragraph.number));
        return next;
      },
      { replace: true },
    );
  };

  return (
    <section aria-labelledby="paragrafer-rubrik" className="paragraphs">
      <h2 id="paragrafer-rubrik">Paragrafer</h2>
      <Tabs orientation="vertical" selectedKey={current.id} onSelectionChange={select} className="paragraph-tabs">
        <TabList aria-label="Paragrafer" items={paragraphs} className="paragraph-list">
          {(paragraph) => (
            <Tab id={paragraph.id}>
              <span className="paragraph-number">§ {paragraph.number}</span> <span>{paragraph.title}</span>
              {paragraph.status === 'decided' ? <span className="visually-hidden">, beslutad</span> : null}
              {paragraph.status === 'decided' ? <span aria-hidden="true"> ✓</span> : null}
            </Tab>
          )}
        </TabList>
        {paragraphs.map((paragraph, index) => (
          <TabPanel key={paragraph.id} id={paragraph.id} className="paragraph-panel">
            <ParagraphEditor paragraph={paragraph} minutes={minutes} next={paragraphs[index + 1] ?? null} />
          </TabPanel>
        ))}
      </Tabs>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { Autocomplete, FieldError, Input, Label, ListBox, ListBoxItem, SearchField, Text, type Key } from 'react-aria-components';
import { ApiError } from '../../api/client';
import { useAddAgendaItem, useReadyMatters, type AgendaItem } from './agenda-queries';

/** The text typed, once the typing has paused: one search per pause, not per key. */
function useSettled(value: string, delayMs = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Puts a matter ready for decision on the agenda, found by its case number ("SUN 2022/9") or by words. */
export function AgendaAddMatter({ meetingId, items, announce }: { meetingId: string; items: AgendaItem[]; announce: (message: string) => void }) {
  const [search, setSearch] = useState('');
  const settled = useSettled(search);
  // Searched once something is typed, not when the tab shows itself.
  const matters = useReadyMatters(settled, settled.trim() !== '');
  const add = useAddAgendaItem(meetingId);
  const onAgenda = new Set(items.map((item) => item.matterId));
  const choices = (matters.data?.items ?? []).filter((matter) => !onAgenda.has(matter.id));

  const choose = (key: Key) => {
    const matter = choices.find((candidate) => candidate.id === key);
    if (!matter) return;
    add.mutate(
      { kind: 'matter', matterId: matter.id, documentsLater: false, public: false },
      {
        onSuccess: (item) => {
          setSearch('');
          announce(`${matter.caseNumber} ${item.title} är punkt ${item.position} på föredragningslistan.`);
        },
      },
    );
  };

  const problem = add.error instanceof ApiError ? add.error.message : add.error ? 'Ärendet kunde inte läggas till.' : undefined;
  // The results are listed in the page under the field rather than in a popup: a popup hides the rest
  // of the page from assistive technology while it is open, which leaves focusable content hidden.
  return (
    <Autocomplete inputValue={search} onInputChange={setSearch}>
      <SearchField className="field agenda-matter-search" isDisabled={add.isPending} isInvalid={Boolean(problem)} validationBehavior="aria">
        <Label>Lägg till ärende</Label>
        <Input placeholder="Diarienummer eller sökord" />
        <Text slot="description">Ärenden med signerad tjänsteskrivelse, till exempel ”SUN 2022/9” eller ”läsårstider”. Välj med pil ned och Enter.</Text>
        <FieldError>{problem}</FieldError>
      </SearchField>
      {search.trim() ? (
        <ListBox
          aria-label="Ärenden klara för beslut"
          items={choices}
          onAction={choose}
          className="agenda-matter-results"
          renderEmptyState={() => <p className="agenda-empty">{matters.isFetching || matters.isPending ? 'Söker …' : 'Inga ärenden klara för beslut matchar.'}</p>}
        >
          {(matter) => (
            <ListBoxItem id={matter.id} textValue={`${matter.caseNumber} ${matter.title}`}>
              <span className="agenda-case-number">{matter.caseNumber}</span> {matter.title}
            </ListBoxItem>
          )}
        </ListBox>
      ) : null}
    </Autocomplete>
  );
}

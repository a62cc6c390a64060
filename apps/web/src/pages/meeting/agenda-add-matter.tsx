import { useEffect, useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
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
  // Searched when the field is first used, not when the tab shows itself.
  const [wanted, setWanted] = useState(false);
  const matters = useReadyMatters(useSettled(search), wanted);
  const add = useAddAgendaItem(meetingId);
  const onAgenda = new Set(items.map((item) => item.matterId));
  const choices = (matters.data?.items ?? []).filter((matter) => !onAgenda.has(matter.id));

  const choose = (key: Key | null) => {
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
  return (
    <ComboBox
      className="field agenda-matter-search"
      items={choices}
      inputValue={search}
      onInputChange={setSearch}
      onSelectionChange={choose}
      selectedKey={null}
      menuTrigger="focus"
      onFocus={() => setWanted(true)}
      isDisabled={add.isPending}
      isInvalid={Boolean(problem)}
      validationBehavior="aria"
    >
      <Label>Lägg till ärende</Label>
      <div className="combobox-input">
        <Input placeholder="Diarienummer eller sökord" />
        <Button className="button button-small" aria-label="Visa ärenden som är klara för beslut">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <Text slot="description">Ärenden med signerad tjänsteskrivelse, till exempel ”SUN 2022/9” eller ”läsårstider”.</Text>
      <FieldError>{problem}</FieldError>
      <Popover className="react-aria-Popover agenda-popover">
        <ListBox<(typeof choices)[number]> renderEmptyState={() => <p className="agenda-empty">{matters.isFetching ? 'Söker …' : 'Inga ärenden klara för beslut matchar.'}</p>}>
          {(matter) => (
            <ListBoxItem id={matter.id} textValue={`${matter.caseNumber} ${matter.title}`}>
              <span className="agenda-case-number">{matter.caseNumber}</span> {matter.title}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

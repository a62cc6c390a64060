import { useState, type KeyboardEvent } from 'react';
import { Button, Checkbox, GridList, GridListItem, useDragAndDrop, type Key } from 'react-aria-components';
import { ApiError } from '../../api/client';
import { useRemoveAgendaItem, useReorderAgenda, useUpdateAgendaItem, type AgendaItem } from './agenda-queries';

const KIND_LABELS: Record<AgendaItem['kind'], string> = { matter: 'Ärende', information: 'Information', standard: 'Stående punkt' };
const PLACEMENT_LABELS: Record<NonNullable<AgendaItem['placement']>, string> = { start: 'i början', end: 'i slutet' };

interface AgendaListProps {
  meetingId: string;
  items: AgendaItem[];
  /** Items can be added, changed and removed (until the meeting is held). */
  editable: boolean;
  /** The order can change (until the notice is out: then the members have the numbers). */
  reorderable: boolean;
  announce: (message: string) => void;
}

/** The items in `items` with those in `moved` taken out and put before or after `target`. */
function reordered(items: AgendaItem[], moved: Set<Key>, target: Key, position: 'before' | 'after' | 'on'): AgendaItem[] {
  const moving = items.filter((item) => moved.has(item.id));
  const rest = items.filter((item) => !moved.has(item.id));
  const at = rest.findIndex((item) => item.id === target);
  const index = position === 'before' ? at : at + 1;
  return [...rest.slice(0, index), ...moving, ...rest.slice(index)];
}

function CheckboxBox() {
  return (
    <span className="agenda-checkbox-box" aria-hidden="true">
      ✓
    </span>
  );
}

function itemProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.some((detail) => detail.field === field) ? error.message : undefined;
}

/**
 * The föredragningslista as a react-aria GridList: drag and drop with the mouse or, built in, with the
 * keyboard (Enter on the handle), "Flytta upp"/"Flytta ned" on each item, and Alt+pil upp/ned on a focused item.
 */
export function AgendaList({ meetingId, items, editable, reorderable, announce }: AgendaListProps) {
  const reorder = useReorderAgenda(meetingId);
  const update = useUpdateAgendaItem(meetingId);
  const remove = useRemoveAgendaItem(meetingId);
  const [changing, setChanging] = useState<{ itemId: string; error: unknown } | null>(null);

  const placeInOrder = (next: AgendaItem[], movedId: string) => {
    const moved = next.find((item) => item.id === movedId)!;
    const position = next.indexOf(moved) + 1;
    setChanging(null);
    reorder.mutate(next, {
      onSuccess: () => announce(`${moved.title} är nu punkt ${position} av ${next.length}.`),
      onError: (error) => {
        setChanging({ itemId: movedId, error });
        announce(error instanceof ApiError ? error.message : 'Ordningen kunde inte sparas.');
      },
    });
  };

  const move = (item: AgendaItem, direction: 'up' | 'down') => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const to = direction === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    next.splice(index, 1);
    next.splice(to, 0, item);
    placeInOrder(next, item.id);
    // At the top or bottom the pressed button is disabled; keep the focus on the item's other move button.
    requestAnimationFrame(() => {
      const row = document.querySelector(`[data-agenda-item-id="${item.id}"]`);
      const pressed = row?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
      if (pressed?.disabled) row?.querySelector<HTMLButtonElement>(`[data-move="${direction === 'up' ? 'down' : 'up'}"]`)?.focus();
    });
  };

  const { dragAndDropHooks } = useDragAndDrop<AgendaItem>({
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': items.find((item) => item.id === key)?.title ?? '' })),
    onReorder: (event) => placeInOrder(reordered(items, event.keys, event.target.key, event.target.dropPosition), String([...event.keys][0])),
    isDisabled: !reorderable,
  });

  const moveWithShortcut = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!reorderable || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const row = (event.target as HTMLElement).closest('[role="row"]');
    const itemId = row?.querySelector<HTMLElement>('[data-agenda-item-id]')?.dataset.agendaItemId;
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) return;
    event.preventDefault();
    event.stopPropagation();
    move(item, event.key === 'ArrowUp' ? 'up' : 'down');
  };

  const change = (item: AgendaItem, field: 'documentsLater' | 'public', value: boolean) => {
    setChanging(null);
    update.mutate(
      { itemId: item.id, change: { [field]: value } },
      {
        onSuccess: () => announce(field === 'documentsLater' ? `${item.title}: ${value ? 'handlingar delges senare' : 'handlingarna följer med kallelsen'}.` : `${item.title}: ${value ? 'offentlig' : 'stängd'}.`),
        onError: (error) => setChanging({ itemId: item.id, error }),
      },
    );
  };

  const drop = (item: AgendaItem) => {
    setChanging(null);
    remove.mutate(item.id, {
      onSuccess: () => {
        announce(`${item.title} togs bort från föredragningslistan.`);
        document.getElementById('agenda-list-rubrik')?.focus();
      },
      onError: (error) => setChanging({ itemId: item.id, error }),
    });
  };

  return (
    <div onKeyDownCapture={moveWithShortcut}>
      <p id="agenda-list-hjalp" className="agenda-help">
        {reorderable
          ? 'Ändra ordningen genom att dra en punkt i handtaget, med Flytta upp och Flytta ned, eller med Alt+pil upp och Alt+pil ned på en markerad punkt.'
          : 'Kallelsen är skickad: ordningen är känd för ledamöterna och kan inte ändras.'}
      </p>
      <GridList
        aria-labelledby="agenda-list-rubrik"
        aria-describedby="agenda-list-hjalp"
        items={items}
        // The rows show more than the items: a problem with one, and whether a change is being saved.
        dependencies={[changing, update.isPending, reorder.isPending, remove.isPending, editable, reorderable]}
        dragAndDropHooks={dragAndDropHooks}
        className="agenda-list"
        renderEmptyState={() => <p className="agenda-empty">Föredragningslistan har inga punkter.</p>}
      >
        {(item) => {
          const error = changing?.itemId === item.id ? changing.error : null;
          const publicProblem = itemProblem(error, 'public');
          const otherProblem = error && !publicProblem ? (error instanceof ApiError ? error.message : 'Ändringen kunde inte sparas.') : undefined;
          const index = items.indexOf(item);
          return (
            <GridListItem id={item.id} textValue={`Punkt ${item.position}: ${item.title}`}>
              <div className="agenda-item" data-agenda-item-id={item.id}>
                {reorderable ? (
                  <Button slot="drag" className="agenda-drag" aria-label={`Dra ${item.title}`}>
                    <span aria-hidden="true">⠿</span>
                  </Button>
                ) : null}
                <span className="agenda-number">{item.position}.</span>
                <div className="agenda-main">
                  <span className="agenda-title">{item.title}</span>
                  <span className="agenda-meta">
                    {item.caseNumber ? <span className="agenda-case-number">{item.caseNumber}</span> : null}
                    <span className="badge">{KIND_LABELS[item.kind]}</span>
                    {item.placement ? <span className="badge">{PLACEMENT_LABELS[item.placement]}</span> : null}
                    {item.documentsLater ? <span className="badge badge-warning">Handlingar delges senare</span> : null}
                    <span className={item.public ? 'badge badge-success' : 'badge'}>{item.public ? 'Offentlig' : 'Stängd'}</span>
                    {item.addedAfterNotice ? <span className="badge badge-danger">Tillagd efter kallelsen</span> : null}
                  </span>
                </div>
                {editable ? (
                  <div className="agenda-controls">
                    <Checkbox className="agenda-checkbox" isSelected={item.documentsLater} onChange={(value) => change(item, 'documentsLater', value)} isDisabled={update.isPending}>
                      <CheckboxBox />
                      Handlingar delges senare
                    </Checkbox>
                    <Checkbox
                      isSelected={item.public}
                      onChange={(value) => change(item, 'public', value)}
                      isDisabled={update.isPending}
                      isInvalid={Boolean(publicProblem)}
                      aria-describedby={publicProblem ? `agenda-problem-${item.id}` : undefined}
                      className="agenda-checkbox"
                    >
                      <CheckboxBox />
                      Offentlig
                    </Checkbox>
                    {reorderable ? (
                      <>
                        <Button className="button button-small" data-move="up" isDisabled={index === 0 || reorder.isPending} onPress={() => move(item, 'up')} aria-label={`Flytta upp ${item.title}`}>
                          Flytta upp
                        </Button>
                        <Button className="button button-small" data-move="down" isDisabled={index === items.length - 1 || reorder.isPending} onPress={() => move(item, 'down')} aria-label={`Flytta ned ${item.title}`}>
                          Flytta ned
                        </Button>
                      </>
                    ) : null}
                    <Button className="button button-small button-danger" onPress={() => drop(item)} isDisabled={remove.isPending} aria-label={`Ta bort ${item.title}`}>
                      Ta bort
                    </Button>
                  </div>
                ) : null}
                {publicProblem || otherProblem ? (
                  <p id={`agenda-problem-${item.id}`} className="field-error agenda-problem" role="alert">
                    {publicProblem ?? otherProblem}
                  </p>
                ) : null}
              </div>
            </GridListItem>
          );
        }}
      </GridList>
    </div>
  );
}

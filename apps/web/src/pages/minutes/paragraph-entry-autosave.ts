import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, isApiError } from '../../api/client';
import { useAutosave } from './paragraph-autosave';
import { replaceParagraph, type Paragraph } from './paragraph-changes';

/** A motion or minutes note as the paragraph holds it: its id, its version and what the secretary edits of it. */
export interface Entry<Value> {
  id: string;
  version: number;
  value: Value;
}

export interface EntryConflict<Value> {
  theirs: Value;
  version: number;
}

interface EntryAutosaveOptions<Value> {
  paragraph: Paragraph;
  meetingId: string;
  /** The form as it stands now, and how to replace it (when the other tab's text is chosen). */
  value: Value;
  setValue: (value: Value) => void;
  /** The code of the API's 409 for a change made on an older version. */
  staleCode: string;
  entriesOf: (paragraph: Paragraph) => Entry<Value>[];
  same: (a: Value, b: Value) => boolean;
  /** Whether the form holds enough to be saved as a new entry (a mover and a wording, the chair's permission). */
  creatable: (value: Value) => boolean;
  create: (value: Value) => Promise<Paragraph>;
  update: (id: string, value: Value, expectedVersion: number) => Promise<Paragraph>;
  /** An entry already saved that the form starts by editing; none for a new one. */
  editing?: Entry<Value> | null;
}

/**
 * A motion or minutes note saved as it is typed, the way the decision text is: the first pause that
 * finds enough to save creates the entry, and each later one updates it, naming the version it was
 * written on. When another tab has changed the entry since, nothing is overwritten: both texts are
 * shown and the secretary chooses. A change elsewhere that left this entry alone is taken in silently.
 */
export function useEntryAutosave<Value extends NonNullable<unknown>>(options: EntryAutosaveOptions<Value>) {
  const { paragraph, meetingId, value, setValue, staleCode, entriesOf, same, creatable, create, update, editing = null } = options;
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<EntryConflict<Value> | null>(null);
  /** The entry as saved, which the form now edits; null until it exists. */
  const [bound, setBound] = useState<Entry<Value> | null>(editing);
  const base = useRef<Entry<Value> | null>(editing);
  const valueRef = useRef(value);
  valueRef.current = value;
  const paragraphRef = useRef(paragraph);
  paragraphRef.current = paragraph;

  const remember = (entry: Entry<Value> | null) => {
    base.current = entry;
    setBound(entry);
  };

  const autosave = useAutosave<Value>(async (draft) => {
    const saved = base.current;
    if (!saved) {
      if (!creatable(draft)) return false;
      const known = new Set(entriesOf(paragraphRef.current).map((entry) => entry.id));
      const answer = await create(draft);
      replaceParagraph(queryClient, meetingId, answer);
      const created = entriesOf(answer).filter((entry) => !known.has(entry.id) && same(entry.value, draft)).at(-1) ?? null;
      remember(created);
      return created !== null;
    }
    if (same(draft, saved.value)) return true;
    let answer: Paragraph;
    try {
      answer = await update(saved.id, draft, saved.version);
    } catch (error) {
      if (!isApiError(error, 409) || error.code !== staleCode) throw error;
      const current = await call(api.GET('/api/v1/paragraphs/{id}', { params: { path: { id: paragraph.id } } }));
      replaceParagraph(queryClient, meetingId, current);
      const theirs = entriesOf(current).find((entry) => entry.id === saved.id);
      if (!theirs) throw error;
      if (!same(theirs.value, saved.value)) {
        setConflict({ theirs: theirs.value, version: theirs.version });
        return false;
      }
      // Something else about the entry changed, not what this form edits: it is still the secretary's to write.
      answer = await update(saved.id, draft, theirs.version);
    }
    replaceParagraph(queryClient, meetingId, answer);
    remember(entriesOf(answer).find((entry) => entry.id === saved.id) ?? null);
    return true;
  });

  // The paragraph as read again (another change here, the window regaining focus) may carry a newer version of the entry.
  const server = bound ? entriesOf(paragraph).find((entry) => entry.id === bound.id) : undefined;
  useEffect(() => {
    const saved = base.current;
    if (!server || !saved || server.version <= saved.version) return;
    const mine = valueRef.current;
    if (same(server.value, saved.value) || same(server.value, mine)) {
      remember(server);
    } else if (same(mine, saved.value) && !autosave.busy()) {
      remember(server);
      setValue(server.value);
    } else {
      setConflict({ theirs: server.value, version: server.version });
    }
  }, [server?.version]);

  return {
    autosave,
    conflict,
    bound,
    /**
     * Saves the form now, at the press of its button: creates the entry when the pauses have not yet,
     * or updates it. A refusal is thrown, to be shown under the fields it names.
     */
    async submit(): Promise<Paragraph> {
      autosave.cancel();
      await autosave.flush();
      const saved = base.current;
      const draft = valueRef.current;
      if (saved && same(draft, saved.value)) return paragraphRef.current;
      return saved ? update(saved.id, draft, saved.version) : create(draft);
    },
    keepMine() {
      if (!conflict || !base.current) return;
      base.current = { ...base.current, value: conflict.theirs, version: conflict.version };
      setConflict(null);
      autosave.schedule(valueRef.current);
      void autosave.flush();
    },
    takeTheirs() {
      if (!conflict || !base.current) return;
      autosave.cancel();
      remember({ ...base.current, value: conflict.theirs, version: conflict.version });
      setValue(conflict.theirs);
      setConflict(null);
    },
  };
}

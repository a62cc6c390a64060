import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'held' | 'failed';

/** How long typing must pause before the text is saved. */
const PAUSE_MS = 600;

/**
 * Saves text as it is typed: after a pause, at once on `flush` (blur), and when the editor goes away
 * (another §, another page). `save` resolves true when saved, false when it held the text back (a
 * conflict the editor shows itself); a rejection is a failure to save, shown with its error. What is
 * saved may be more than a text (a motion's mover, kind and wording), so it is any value but null.
 */
export function useAutosave<Draft extends NonNullable<unknown> = string>(save: (draft: Draft) => Promise<boolean>) {
  const [state, setState] = useState<AutosaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const unsaved = useRef<Draft | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const mounted = useRef(true);

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    while (running.current) await running.current;
    const text = unsaved.current;
    if (text === null) return;
    unsaved.current = null;
    if (mounted.current) setState('saving');
    running.current = saveRef.current(text).then(
      (saved) => {
        if (!mounted.current || unsaved.current !== null) return;
        setState(saved ? 'saved' : 'held');
        setError(null);
      },
      (failure: unknown) => {
        if (!mounted.current) return;
        setState('failed');
        setError(failure);
      },
    );
    await running.current;
    running.current = null;
  }, []);

  const schedule = useCallback(
    (text: Draft) => {
      unsaved.current = text;
      setState('pending');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), PAUSE_MS);
    },
    [flush],
  );

  /** Drops what waits to be saved (the text is about to be sent another way, or replaced). */
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    unsaved.current = null;
  }, []);

  useEffect(() => {
    mounted.current = true;
    // A reload or a closed tab would lose what waits: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => {
      if (unsaved.current !== null || running.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      mounted.current = false;
      window.clearTimeout(timer.current);
      const text = unsaved.current;
      unsaved.current = null;
      if (text !== null) void saveRef.current(text).catch(() => undefined);
    };
  }, []);

  return { state, error, schedule, flush, cancel, busy: () => unsaved.current !== null || running.current !== null };
}

const STATE_TEXT: Record<AutosaveState, string> = {
  idle: '',
  pending: 'Ändrat – sparas strax',
  saving: 'Sparar …',
  saved: 'Sparat',
  held: 'Inte sparat',
  failed: 'Kunde inte spara',
};

export function autosaveText(state: AutosaveState): string {
  return STATE_TEXT[state];
}

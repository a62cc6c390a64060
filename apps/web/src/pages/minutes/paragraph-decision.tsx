import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api, call, isApiError } from '../../api/client';
import { FormError, TextInput } from '../../components/fields';
import { autosaveText, useAutosave } from './paragraph-autosave';
import { decisionPoints, decisionText, formLevelError, replaceParagraph, useParagraphChange, type Paragraph } from './paragraph-changes';
import { ConflictNotice } from './paragraph-fields';

interface Conflict {
  theirs: string;
  version: number;
}

const normalized = (text: string) => decisionText(decisionPoints(text));

/**
 * The decision text, saved as it is typed. Each save names the version it was written on; when
 * another tab (or secretary) has changed the text since, nothing is overwritten: both texts are
 * shown and the secretary chooses. A change elsewhere that left the text alone is taken in silently.
 */
export function ParagraphDecision({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => decisionText(paragraph.decision));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const textRef = useRef(text);
  textRef.current = text;
  /** The server's text and version the draft was written on. */
  const base = useRef({ version: paragraph.version, text: decisionText(paragraph.decision) });

  const patch = (points: string[], expectedVersion: number) =>
    call(api.PATCH('/api/v1/paragraphs/{id}', { params: { path: { id: paragraph.id } }, body: { decision: points, expectedVersion } }));

  const autosave = useAutosave(async (draft) => {
    if (normalized(draft) === base.current.text) return true;
    let saved: Paragraph;
    try {
      saved = await patch(decisionPoints(draft), base.current.version);
    } catch (error) {
      if (!isApiError(error, 409) || error.code !== 'STALE_PARAGRAPH') throw error;
      const current = await call(api.GET('/api/v1/paragraphs/{id}', { params: { path: { id: paragraph.id } } }));
      replaceParagraph(queryClient, meetingId, current);
      if (decisionText(current.decision) !== base.current.text) {
        setConflict({ theirs: decisionText(current.decision), version: current.version });
        return false;
      }
      // Something else in the paragraph changed, not its decision: the text is still the secretary's to write.
      saved = await patch(decisionPoints(draft), current.version);
    }
    base.current = { version: saved.version, text: decisionText(saved.decision) };
    replaceParagraph(queryClient, meetingId, saved);
    return true;
  });

  // The paragraph as read again (another change here, the window regaining focus) may carry a newer text.
  useEffect(() => {
    const server = decisionText(paragraph.decision);
    if (paragraph.version <= base.current.version) return;
    const mine = normalized(textRef.current);
    if (server === base.current.text || server === mine) {
      base.current = { version: paragraph.version, text: server };
    } else if (mine === base.current.text && !autosave.busy()) {
      base.current = { version: paragraph.version, text: server };
      setText(server);
    } else {
      setConflict({ theirs: server, version: paragraph.version });
    }
  }, [paragraph.version, paragraph.decision]);

  const keepMine = () => {
    if (!conflict) return;
    base.current = { version: conflict.version, text: conflict.theirs };
    setConflict(null);
    autosave.schedule(textRef.current);
    void autosave.flush();
  };
  const takeTheirs = () => {
    if (!conflict) return;
    autosave.cancel();
    base.current = { version: conflict.version, text: conflict.theirs };
    setText(conflict.theirs);
    setConflict(null);
  };

  const decide = useParagraphChange(meetingId, () => {
    autosave.cancel();
    const points = decisionPoints(textRef.current);
    return call(api.POST('/api/v1/paragraphs/{id}/decision', { params: { path: { id: paragraph.id } }, body: points.length > 0 ? { decision: points } : {} }));
  });
  const reopen = useParagraphChange(meetingId, () => call(api.POST('/api/v1/paragraphs/{id}/reopen', { params: { path: { id: paragraph.id } } })));
  const decided = paragraph.status === 'decided';

  return (
    <section aria-labelledby={`beslut-${paragraph.id}`} className="paragraph-part">
      <h4 id={`beslut-${paragraph.id}`}>Beslut</h4>
      <TextInput
        label="Beslutstext"
        name="decision"
        multiline
        rows={4}
        value={text}
        onChange={(value) => {
          setText(value);
          autosave.schedule(value);
        }}
        onBlur={() => void autosave.flush()}
        error={autosave.error ?? decide.error}
        description={decided ? 'En beslutspunkt per rad. Ändringar sparas medan du skriver.' : 'En beslutspunkt per rad; sparas medan du skriver. Lämnas den tom blir beslutet enligt propositionerna eller förslaget.'}
      />
      <p className={`autosave autosave-${autosave.state}`} role="status">
        {autosaveText(autosave.state)}
      </p>
      {conflict ? <ConflictNotice changed="Paragrafen" theirs={conflict.theirs || '(tom beslutstext)'} keepMine={keepMine} takeTheirs={takeTheirs} /> : null}
      {autosave.state === 'failed' ? <FormError error={formLevelError(autosave.error, ['decision'])} /> : null}
      <FormError error={formLevelError(decide.error, ['decision'])} />
      <FormError error={reopen.error} />
      <div className="button-row">
        {decided ? (
          <Button className="button" onPress={() => reopen.mutate(undefined)} isDisabled={reopen.isPending}>
            Öppna paragrafen igen
          </Button>
        ) : (
          <Button className="button button-primary" onPress={() => decide.mutate(undefined)} isDisabled={decide.isPending || conflict !== null}>
            Fatta beslut
          </Button>
        )}
      </div>
    </section>
  );
}

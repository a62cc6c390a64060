import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError, type Schemas } from '../../api/client';

export type Paragraph = Schemas['ParagraphDto'];
export type Minutes = Schemas['MinutesDto'];

export const minutesKey = (meetingId: string) => ['minutes', 'of-meeting', meetingId] as const;

/** Puts the paragraph the API answered with into the minutes in the cache, so the page shows it at once. */
export function replaceParagraph(queryClient: QueryClient, meetingId: string, paragraph: Paragraph): void {
  queryClient.setQueryData<Minutes>(minutesKey(meetingId), (minutes) =>
    minutes ? { ...minutes, paragraphs: minutes.paragraphs.map((candidate) => (candidate.id === paragraph.id && candidate.version <= paragraph.version ? paragraph : candidate)) } : minutes,
  );
}

/**
 * A change to one paragraph: the answer replaces the paragraph at once, and the minutes are read
 * again since the change may move what the frame shows (quorum, the content to approve).
 */
export function useParagraphChange<Input>(meetingId: string, change: (input: Input) => Promise<Paragraph>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (paragraph) => {
      replaceParagraph(queryClient, meetingId, paragraph);
      void queryClient.invalidateQueries({ queryKey: minutesKey(meetingId) });
    },
  });
}

/** A decision as the API keeps it, one point per non-empty line. */
export function decisionPoints(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export const decisionText = (points: string[]) => points.join('\n');

export const MOTION_KIND_LABELS: Record<Schemas['MotionDto']['kind'], string> = {
  approval: 'Bifall',
  rejection: 'Avslag',
  amendment: 'Ändringsyrkande',
  addition: 'Tilläggsyrkande',
  referral_back: 'Återremiss',
  postponement: 'Bordläggning',
};

export const BALLOT_LABELS: Record<Schemas['BallotResultDto']['choice'], string> = { yes: 'Ja', no: 'Nej', abstain: 'Avstår' };

export const PROPOSAL_KEY = 'proposal';
export const DECIDE_TODAY_KEY = 'decide_today';

/** How an alternative of a proposition reads: the proposal, "avgörande i dag", or a motion with its mover. */
export function alternativeLabel(paragraph: Paragraph, key: string): string {
  if (key === PROPOSAL_KEY) return paragraph.proposalLabel.charAt(0).toLocaleUpperCase('sv') + paragraph.proposalLabel.slice(1);
  if (key === DECIDE_TODAY_KEY) return 'Avgörande i dag';
  const motion = paragraph.motions.find((candidate) => candidate.id === key);
  return motion ? `${MOTION_KIND_LABELS[motion.kind]} (${motion.name})` : 'Okänt förslag';
}

export const withParty = (person: { name: string; party: string | null }) => (person.party ? `${person.name} (${person.party})` : person.name);

/** The error to show above a form's buttons: none when each field it names is shown under its own field already. */
export function formLevelError(error: unknown, fieldsShown: string[]): unknown {
  if (!isApiError(error) || error.details.length === 0) return error;
  const shown = (field: string | undefined) => field !== undefined && fieldsShown.some((name) => field === name || field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
  return error.details.every((detail) => shown(detail.field)) ? null : error;
}

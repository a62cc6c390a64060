import { useState, type KeyboardEvent } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { alternativeLabel, BALLOT_LABELS, formLevelError, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

type Choice = Schemas['BallotDto']['choice'];
const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
/** One key per choice, so a vote is entered member by member without leaving the keyboard's home row. */
const SHORTCUTS: Record<string, Choice> = { j: 'yes', n: 'no', a: 'abstain' };

/**
 * An open vote: Ja / Nej / Avstår for each serving member (J, N, A on the keyboard, moving on to the
 * next member), then counted. The chair's own ballot settles a tie, so nothing more is asked for.
 */
export function ParagraphVote({ paragraph, vote, meetingId }: { paragraph: Paragraph; vote: Schemas['VoteDto']; meetingId: string }) {
  const cast = new Map(vote.ballots.map((ballot) => [ballot.personId, ballot.choice]));
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const voters = paragraph.servingMembers.filter((seat) => !cast.has(seat.personId));

  const count = useParagraphChange(meetingId, async () => {
    const ballots = voters.map((seat) => ({ personId: seat.personId, choice: choices[seat.personId] }));
    if (ballots.length > 0) await call(api.POST('/api/v1/votes/{id}/ballots', { params: { path: { id: vote.id } }, body: { ballots } }));
    return call(api.POST('/api/v1/votes/{id}/close', { params: { path: { id: vote.id } }, body: {} }));
  });
  const withdraw = useParagraphChange(meetingId, () => call(api.DELETE('/api/v1/votes/{id}', { params: { path: { id: vote.id } } })));

  const choose = (personId: string, choice: Choice) => setChoices((current) => ({ ...current, [personId]: choice }));
  const onShortcut = (personId: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    const choice = SHORTCUTS[event.key.toLowerCase()];
    if (!choice || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    choose(personId, choice);
    const next = event.currentTarget.nextElementSibling?.querySelector<HTMLInputElement>('input[type="radio"]');
    (next ?? document.getElementById(`rakna-${vote.id}`))?.focus();
  };
  const tally = (choice: Choice) => vote.ballots.filter((ballot) => ballot.choice === choice).length + voters.filter((seat) => choices[seat.personId] === choice).length;

  return (
    <div className="vote" aria-labelledby={`votering-${vote.id}`} role="group">
      <p id={`votering-${vote.id}`}>
        <strong>Votering pågår.</strong> Ja-röst för {alternativeLabel(paragraph, vote.yesAlternative)}, nej-röst för {alternativeLabel(paragraph, vote.noAlternative)}.
      </p>
      <p className="hint">Välj med piltangenterna, eller tryck J (ja), N (nej) eller A (avstår) för att välja och gå vidare till nästa ledamot.</p>
      <div className="ballots">
        {paragraph.servingMembers.map((seat) =>
          cast.has(seat.personId) ? (
            <p key={seat.personId} className="ballot">
              {withParty(seat)}: {BALLOT_LABELS[cast.get(seat.personId)!]}
            </p>
          ) : (
            <div key={seat.personId} className="ballot" onKeyDown={onShortcut(seat.personId)}>
              <RadioGroup orientation="horizontal" value={choices[seat.personId] ?? null} onChange={(value) => choose(seat.personId, value as Choice)} className="ballot-choices">
                <Label>{withParty(seat)}</Label>
                {CHOICES.map((choice) => (
                  <Radio key={choice} value={choice} className="radio">
                    {BALLOT_LABELS[choice]}
                  </Radio>
                ))}
              </RadioGroup>
            </div>
          ),
        )}
      </div>
      <p role="status">
        Hittills {tally('yes')} ja, {tally('no')} nej och {tally('abstain')} avstår.
      </p>
      {missing.length > 0 ? (
        <p className="notice notice-error" role="alert">
          Alla tjänstgörande ska rösta ja, nej eller avstå; saknas: {missing.join(', ')}.
        </p>
      ) : null}
      <FormError error={formLevelError(count.error, [])} />
      <FormError error={withdraw.error} />
      <div className="button-row">
        <Button
          id={`rakna-${vote.id}`}
          className="button button-primary"
          isDisabled={count.isPending}
          onPress={() => {
            const without = voters.filter((seat) => !choices[seat.personId]).map((seat) => withParty(seat));
            setMissing(without);
            if (without.length === 0) count.mutate(undefined);
          }}
        >
          Räkna rösterna
        </Button>
        <Button className="button button-danger" onPress={() => withdraw.mutate(undefined)} isDisabled={withdraw.isPending}>
          Återta voteringen
        </Button>
      </div>
    </div>
  );
}

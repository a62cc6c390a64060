import { useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Label, NumberField, Radio, RadioGroup } from 'react-aria-components';
import { api, call, type Schemas } from '../../api/client';
import { FormError } from '../../components/fields';
import { alternativeLabel, BALLOT_LABELS, formLevelError, minutesKey, replaceParagraph, useParagraphChange, withParty, type Paragraph } from './paragraph-changes';

type Choice = Schemas['BallotDto']['choice'];
type Totals = Schemas['VoteTotalsDto'];
type Entry = 'members' | 'totals';
const CHOICES: Choice[] = ['yes', 'no', 'abstain'];
/** One key per choice, so a vote is entered member by member without leaving the keyboard's home row. */
const SHORTCUTS: Record<string, Choice> = { j: 'yes', n: 'no', a: 'abstain' };
const ALL_LABELS: Record<Choice, string> = { yes: 'Alla ja', no: 'Alla nej', abstain: 'Alla avstår' };
const TOTAL_LABELS: Record<Choice, string> = { yes: 'Ja enligt ordföranden', no: 'Nej enligt ordföranden', abstain: 'Avstår enligt ordföranden' };
const NO_PARTY = 'utan parti';

const totalsText = (totals: Totals) => `${totals.yes} ja, ${totals.no} nej och ${totals.abstain} avstår`;

/**
 * An open vote: Ja / Nej / Avstår for each serving member (J, N, A on the keyboard, moving on to the
 * next member), then counted. Each ballot is saved as it is chosen, so a reload or a second tab shows
 * it, and may be corrected until the vote is counted. Entered by totals, the secretary writes down the
 * totals the chair announced and sets the ballots a party group at a time, correcting the exceptions:
 * the protokoll still names how each member voted, and the API counts the vote only when the ballots
 * add up to the totals. The chair's own ballot settles a tie, so nothing more is asked for.
 */
export function ParagraphVote({ paragraph, vote, meetingId }: { paragraph: Paragraph; vote: Schemas['VoteDto']; meetingId: string }) {
  const queryClient = useQueryClient();
  const cast = new Map(vote.ballots.map((ballot) => [ballot.personId, ballot.choice]));
  /** Chosen here and not yet confirmed by the API: shown over what the API last said. */
  const [pending, setPending] = useState<Record<string, Choice>>({});
  /**
   * Ballots the API has confirmed here. A reading of the minutes that started before a save can still
   * arrive after it and lack those ballots; a ballot is never taken away, so one missing from the
   * minutes but confirmed here is shown as confirmed, and "Övriga som inte röstat" never takes it in.
   */
  const [confirmed, setConfirmed] = useState<Record<string, Choice>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [missing, setMissing] = useState<string[]>([]);
  const [entry, setEntry] = useState<Entry>('members');
  const [announced, setAnnounced] = useState<Partial<Totals>>({});
  const [totalsMissing, setTotalsMissing] = useState(false);
  const choiceOf = (personId: string): Choice | undefined => pending[personId] ?? cast.get(personId) ?? confirmed[personId];

  /** Sends ballots one request after another, in the order chosen, so the last choice is the one kept. */
  const save = (ballots: { personId: string; choice: Choice }[]) => {
    if (ballots.length === 0) return;
    setPending((current) => ({ ...current, ...Object.fromEntries(ballots.map((ballot) => [ballot.personId, ballot.choice])) }));
    setSaving((count) => count + 1);
    queue.current = queue.current.then(async () => {
      try {
        const saved = await call(api.PUT('/api/v1/votes/{id}/ballots', { params: { path: { id: vote.id } }, body: { ballots } }));
        // A reading of the minutes begun before this ballot was saved would show it missing when it arrives.
        await queryClient.cancelQueries({ queryKey: minutesKey(meetingId) });
        replaceParagraph(queryClient, meetingId, saved);
        setConfirmed((current) => ({ ...current, ...Object.fromEntries(ballots.map((ballot) => [ballot.personId, ballot.choice])) }));
        setSaveError(null);
      } catch (error) {
        setSaveError(error);
      } finally {
        // What the API holds now shows, unless chosen again meanwhile.
        setPending((current) => Object.fromEntries(Object.entries(current).filter(([personId, choice]) => !ballots.some((ballot) => ballot.personId === personId && ballot.choice === choice))));
        setSaving((count) => count - 1);
      }
    });
  };

  const count = useParagraphChange(meetingId, async () => {
    await queue.current;
    return call(api.POST('/api/v1/votes/{id}/close', { params: { path: { id: vote.id } }, body: entry === 'totals' ? { announced: announced as Totals } : {} }));
  });
  const withdraw = useParagraphChange(meetingId, async () => {
    await queue.current;
    return call(api.DELETE('/api/v1/votes/{id}', { params: { path: { id: vote.id } } }));
  });

  const choose = (personId: string, choice: Choice) => save([{ personId, choice }]);
  const onShortcut = (personId: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    const choice = SHORTCUTS[event.key.toLowerCase()];
    if (!choice || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    choose(personId, choice);
    const next = event.currentTarget.nextElementSibling?.querySelector<HTMLInputElement>('input[type="radio"]');
    (next ?? document.getElementById(`rakna-${vote.id}`))?.focus();
  };
  const tally = (choice: Choice) => paragraph.servingMembers.filter((seat) => choiceOf(seat.personId) === choice).length;
  const entered: Totals = { yes: tally('yes'), no: tally('no'), abstain: tally('abstain') };
  const parties = [...new Set(paragraph.servingMembers.map((seat) => seat.party ?? NO_PARTY))];
  const membersOf = (party: string) => paragraph.servingMembers.filter((seat) => (seat.party ?? NO_PARTY) === party);
  const unvoted = paragraph.servingMembers.filter((seat) => !choiceOf(seat.personId));
  const totalsComplete = CHOICES.every((choice) => announced[choice] !== undefined);
  const totalsMatch = totalsComplete && CHOICES.every((choice) => announced[choice] === entered[choice]);
  const saveState = saveError ? 'Rösten kunde inte sparas.' : saving > 0 ? 'Sparar rösterna …' : vote.ballots.length > 0 ? 'Rösterna är sparade.' : '';

  return (
    <div className="vote" aria-labelledby={`votering-${vote.id}`} role="group">
      <p id={`votering-${vote.id}`}>
        <strong>Votering pågår.</strong> Ja-röst för {alternativeLabel(paragraph, vote.yesAlternative)}, nej-röst för {alternativeLabel(paragraph, vote.noAlternative)}.
      </p>
      <RadioGroup orientation="horizontal" value={entry} onChange={(value) => setEntry(value as Entry)} className="field vote-entry">
        <Label>Så förs rösterna in</Label>
        <div className="radio-options">
          <Radio value="members" className="radio">
            Ledamot för ledamot
          </Radio>
          <Radio value="totals" className="radio">
            Med ordförandens slutsiffror
          </Radio>
        </div>
      </RadioGroup>
      {entry === 'totals' ? (
        <div className="vote-totals">
          <p className="hint">
            Skriv in siffrorna ordföranden läser upp. Ange sedan rösterna partigrupp för partigrupp och rätta de ledamöter som röstade annorlunda: protokollet ska visa hur
            var och en röstade.
          </p>
          <div className="form-row">
            {CHOICES.map((choice) => (
              <NumberField
                key={choice}
                className="field vote-total"
                minValue={0}
                maxValue={paragraph.servingMembers.length}
                value={announced[choice] ?? NaN}
                onChange={(total) => setAnnounced((current) => ({ ...current, [choice]: Number.isInteger(total) ? total : undefined }))}
                formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
              >
                <Label>{TOTAL_LABELS[choice]}</Label>
                <Input />
              </NumberField>
            ))}
          </div>
          <div className="vote-groups">
            {parties.map((party, index) => (
              <div key={party} className="vote-group" role="group" aria-labelledby={`parti-${vote.id}-${index}`}>
                <span id={`parti-${vote.id}-${index}`} className="vote-group-name">
                  Partigrupp {party} ({membersOf(party).length})
                </span>
                {CHOICES.map((choice) => (
                  <Button key={choice} className="button button-small" onPress={() => save(membersOf(party).map((seat) => ({ personId: seat.personId, choice })))}>
                    {ALL_LABELS[choice]}
                  </Button>
                ))}
              </div>
            ))}
            <div className="vote-group" role="group" aria-labelledby={`ovriga-${vote.id}`}>
              <span id={`ovriga-${vote.id}`} className="vote-group-name">
                Övriga som inte röstat ({unvoted.length})
              </span>
              {CHOICES.map((choice) => (
                <Button key={choice} className="button button-small" isDisabled={unvoted.length === 0} onPress={() => save(unvoted.map((seat) => ({ personId: seat.personId, choice })))}>
                  {ALL_LABELS[choice]}
                </Button>
              ))}
            </div>
          </div>
        </div>
      ) : null}
      <p className="hint">Välj med piltangenterna, eller tryck J (ja), N (nej) eller A (avstår) för att välja och gå vidare till nästa ledamot.</p>
      <div className="ballots">
        {paragraph.servingMembers.map((seat) => (
          <div key={seat.personId} className="ballot" onKeyDown={onShortcut(seat.personId)}>
            <RadioGroup orientation="horizontal" value={choiceOf(seat.personId) ?? null} onChange={(value) => choose(seat.personId, value as Choice)} className="ballot-choices">
              <Label>{withParty(seat)}</Label>
              {CHOICES.map((choice) => (
                <Radio key={choice} value={choice} className="radio">
                  {BALLOT_LABELS[choice]}
                </Radio>
              ))}
            </RadioGroup>
          </div>
        ))}
      </div>
      <p role="status">
        Hittills {entered.yes} ja, {entered.no} nej och {entered.abstain} avstår. {saveState}
        {entry === 'totals' && totalsComplete ? (
          totalsMatch ? (
            <> Stämmer med ordförandens siffror.</>
          ) : (
            <> Stämmer inte med ordförandens siffror ({totalsText(announced as Totals)}).</>
          )
        ) : null}
      </p>
      {missing.length > 0 ? (
        <p className="notice notice-error" role="alert">
          Alla tjänstgörande ska rösta ja, nej eller avstå; saknas: {missing.join(', ')}.
        </p>
      ) : null}
      {totalsMissing ? (
        <p className="notice notice-error" role="alert">
          Skriv in ordförandens siffror för ja, nej och avstår, eller för in rösterna ledamot för ledamot.
        </p>
      ) : null}
      <FormError error={saveError} />
      <FormError error={formLevelError(count.error, [])} />
      <FormError error={withdraw.error} />
      <div className="button-row">
        <Button
          id={`rakna-${vote.id}`}
          className="button button-primary"
          isDisabled={count.isPending}
          onPress={() => {
            const without = unvoted.map((seat) => withParty(seat));
            const noTotals = entry === 'totals' && !totalsComplete;
            setMissing(without);
            setTotalsMissing(noTotals);
            if (without.length === 0 && !noTotals) count.mutate(undefined);
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

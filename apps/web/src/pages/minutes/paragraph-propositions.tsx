import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { api, call } from '../../api/client';
import { FormError } from '../../components/fields';
import { ChoiceSelect } from './paragraph-fields';
import { alternativeLabel, BALLOT_LABELS, DECIDE_TODAY_KEY, formLevelError, PROPOSAL_KEY, useParagraphChange, type Paragraph } from './paragraph-changes';
import { ParagraphVote } from './paragraph-vote';

/** What the chair will most likely put next: the proposal against the motions not yet put, or a referral against deciding today. */
function likelyAlternatives(paragraph: Paragraph): string[] {
  const put = new Set(paragraph.propositions.flatMap((proposition) => proposition.alternatives));
  const open = paragraph.motions.filter((motion) => !motion.withdrawn && !put.has(motion.id));
  const formal = open.find((motion) => motion.kind === 'referral_back' || motion.kind === 'postponement');
  if (formal) return [DECIDE_TODAY_KEY, formal.id];
  return [PROPOSAL_KEY, ...open.filter((motion) => motion.kind !== 'approval' && motion.kind !== 'addition').map((motion) => motion.id)];
}

/**
 * Propositionsordning: the chair puts alternatives against each other and finds which one the organ
 * chose (med acklamation); a member may then ask for a vote on it. The procedure reads as the API
 * words it for the minutes.
 */
export function ParagraphPropositions({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const open = paragraph.status === 'open';
  const openVote = paragraph.votes.find((vote) => vote.status === 'open');
  const last = paragraph.propositions.at(-1);
  return (
    <section aria-labelledby={`propositioner-${paragraph.id}`} className="paragraph-part">
      <h4 id={`propositioner-${paragraph.id}`}>Propositioner och votering</h4>
      {paragraph.decisionProcedure.length === 0 ? <p>Ingen proposition är ställd.</p> : (
        <div className="procedure">
          {paragraph.decisionProcedure.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      )}
      {paragraph.votes
        .filter((vote) => vote.status === 'closed')
        .map((vote) => (
          <p key={vote.id} className="ballot-record">
            Röster: {vote.ballots.map((ballot) => `${ballot.name} ${BALLOT_LABELS[ballot.choice].toLocaleLowerCase('sv')}`).join(', ')}.
            {vote.announced ? ` Rösterna stämde med ordförandens siffror: ${vote.announced.yes} ja, ${vote.announced.no} nej och ${vote.announced.abstain} avstår.` : null}
          </p>
        ))}
      {openVote ? <ParagraphVote key={openVote.id} paragraph={paragraph} vote={openVote} meetingId={meetingId} /> : null}
      {open && !openVote && last && last.voteId === null && last.alternatives.length >= 2 ? <VoteRequest paragraph={paragraph} meetingId={meetingId} /> : null}
      {open && !openVote ? <PropositionForm key={paragraph.propositions.length + paragraph.motions.length} paragraph={paragraph} meetingId={meetingId} /> : null}
    </section>
  );
}

function PropositionForm({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const [alternatives, setAlternatives] = useState<string[]>(() => likelyAlternatives(paragraph));
  const [chosen, setChosen] = useState<string>(() => likelyAlternatives(paragraph)[0]);
  const put = useParagraphChange(meetingId, () => call(api.POST('/api/v1/paragraphs/{id}/propositions', { params: { path: { id: paragraph.id } }, body: { alternatives, chosen } })));
  const keys = [PROPOSAL_KEY, ...paragraph.motions.filter((motion) => !motion.withdrawn).map((motion) => motion.id), DECIDE_TODAY_KEY];
  const chosenNow = alternatives.includes(chosen) ? chosen : (alternatives[0] ?? '');

  return (
    <Form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        put.mutate(undefined);
      }}
    >
      <CheckboxGroup className="field" value={alternatives} onChange={setAlternatives}>
        <Label>Förslag som ställs mot varandra</Label>
        {keys.map((key) => (
          <Checkbox key={key} value={key} className="checkbox">
            {alternativeLabel(paragraph, key)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <RadioGroup className="field" value={chosenNow} onChange={setChosen}>
        <Label>Ordföranden finner bifall till</Label>
        {alternatives.map((key) => (
          <Radio key={key} value={key} className="radio">
            {alternativeLabel(paragraph, key)}
          </Radio>
        ))}
      </RadioGroup>
      <FormError error={formLevelError(put.error, [])} />
      <div className="button-row">
        <Button type="submit" className="button" isDisabled={put.isPending || alternatives.length === 0}>
          Ställ proposition
        </Button>
      </div>
    </Form>
  );
}

/** Votering begärs: Ja for what the chair found, Nej for another alternative of the same proposition. */
function VoteRequest({ paragraph, meetingId }: { paragraph: Paragraph; meetingId: string }) {
  const last = paragraph.propositions.at(-1)!;
  const others = last.alternatives.filter((key) => key !== last.chosen);
  const [no, setNo] = useState(others[0]);
  const request = useParagraphChange(meetingId, () =>
    call(api.POST('/api/v1/paragraphs/{id}/votes', { params: { path: { id: paragraph.id } }, body: { yesAlternative: last.chosen, noAlternative: no } })),
  );
  return (
    <div className="vote-request">
      <p>
        Ja-röst för <strong>{alternativeLabel(paragraph, last.chosen)}</strong>
        {others.length === 1 ? <>, nej-röst för <strong>{alternativeLabel(paragraph, others[0])}</strong>.</> : '.'}
      </p>
      {others.length > 1 ? (
        <ChoiceSelect label="Nej-röst för" name="noAlternative" choices={others.map((key) => ({ id: key, label: alternativeLabel(paragraph, key) }))} value={no} onChange={setNo} error={request.error} />
      ) : null}
      <FormError error={formLevelError(request.error, ['noAlternative'])} />
      <Button className="button" onPress={() => request.mutate(undefined)} isDisabled={request.isPending}>
        Begär votering
      </Button>
    </div>
  );
}

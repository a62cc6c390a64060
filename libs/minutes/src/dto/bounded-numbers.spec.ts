import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AttendeeInputDto } from './minutes.dto';
import { AddElectionDto } from './paragraph.dto';

const failingFields = (errors: ReturnType<typeof validateSync>): string[] =>
  errors.flatMap((error) => [...(error.constraints?.max ? [error.property] : []), ...failingFields(error.children ?? [])]);

describe('numbers that reach integer columns are bounded', () => {
  it('refuses a paragraph number beyond any minutes', () => {
    const dto = plainToInstance(AttendeeInputDto, { personId: '6a0c1b4e-2f0e-4a57-9d4c-1d3a1f0b7c11', capacity: 'member', fromParagraph: 99999999999, toParagraph: 99999999999 });
    expect(failingFields(validateSync(dto))).toEqual(['fromParagraph', 'toParagraph']);
  });

  it('refuses ballot counts beyond any electorate', () => {
    const dto = plainToInstance(AddElectionDto, { office: 'ordförande', candidates: [{ name: 'Anna', votes: 99999999999 }], blankVotes: 99999999999 });
    expect(failingFields(validateSync(dto))).toEqual(['votes', 'blankVotes']);
  });
});

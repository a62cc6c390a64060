import { parseDate, parseTime } from '@internationalized/date';
import { DateField, DateInput, DateSegment, FieldError, I18nProvider, Label, TimeField } from 'react-aria-components';
import { ApiError } from '../api/client';

interface SegmentFieldProps {
  label: string;
  /** The API field the value goes to; the API's problem with it is shown under the field. */
  name: string;
  /** "2027-03-10" or "14:00"; empty while not filled in. */
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  autoFocus?: boolean;
  isRequired?: boolean;
}

function parsed<T>(parse: (text: string) => T, text: string): T | null {
  try {
    return text ? parse(text) : null;
  } catch {
    return null;
  }
}

const fieldMessage = (error: unknown, name: string) => (error instanceof ApiError ? error.fieldMessage(name) : undefined);

/**
 * A date typed as Swedes write it, year–month–day, whatever the browser's own language: the segments take
 * digits and arrow keys, so the date is entered with the keyboard alone.
 */
export function CalendarDateField({ label, name, value, onChange, error, autoFocus, isRequired }: SegmentFieldProps) {
  const message = fieldMessage(error, name);
  return (
    <I18nProvider locale="sv-SE">
      <DateField className="field segment-field" shouldForceLeadingZeros value={parsed(parseDate, value)} onChange={(date) => onChange(date ? date.toString() : '')} isInvalid={Boolean(message)} validationBehavior="aria" autoFocus={autoFocus} isRequired={isRequired}>
        <Label>{label}</Label>
        <DateInput className="segment-input">{(segment) => <DateSegment segment={segment} />}</DateInput>
        <FieldError>{message}</FieldError>
      </DateField>
    </I18nProvider>
  );
}

/** A clock time on the 24-hour clock, as "09:00". */
export function ClockField({ label, name, value, onChange, error, autoFocus, isRequired }: SegmentFieldProps) {
  const message = fieldMessage(error, name);
  return (
    <I18nProvider locale="sv-SE">
      <TimeField className="field segment-field" hourCycle={24} shouldForceLeadingZeros value={parsed(parseTime, value)} onChange={(time) => onChange(time ? time.toString().slice(0, 5) : '')} isInvalid={Boolean(message)} validationBehavior="aria" autoFocus={autoFocus} isRequired={isRequired}>
        <Label>{label}</Label>
        <DateInput className="segment-input">{(segment) => <DateSegment segment={segment} />}</DateInput>
        <FieldError>{message}</FieldError>
      </TimeField>
    </I18nProvider>
  );
}

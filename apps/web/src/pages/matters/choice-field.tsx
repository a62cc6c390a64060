import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { ApiError } from '../../api/client';

export interface Choice {
  id: string;
  label: string;
}

interface ChoiceFieldProps {
  label: string;
  /** The API field the choice goes to; the API's problem with it is shown under the field. */
  name: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: unknown;
  isRequired?: boolean;
  className?: string;
  /** The label is read out but not shown, where a column heading says it (a table of fields). */
  hideLabel?: boolean;
}

/** react-aria's collections need a non-empty key; the empty choice ("Alla", "Ingen") gets this one. */
const NO_CHOICE = '-';

/** A labelled choice from a list (react-aria Select); an empty choice is one of the choices with id ''. */
export function ChoiceField({ label, name, choices, value, onChange, error, isRequired, className, hideLabel }: ChoiceFieldProps) {
  const message = error instanceof ApiError ? error.fieldMessage(name) : undefined;
  return (
    <Select
      selectedKey={value || NO_CHOICE}
      onSelectionChange={(key: Key | null) => onChange(key === null || key === NO_CHOICE ? '' : String(key))}
      isInvalid={Boolean(message)}
      isRequired={isRequired}
      validationBehavior="aria"
      className={`field choice-field ${className ?? ''}`.trim()}
    >
      <Label className={hideLabel ? 'visually-hidden' : undefined}>{label}</Label>
      <Button className="choice-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError>{message}</FieldError>
      <Popover className="choice-popover">
        <ListBox items={choices.map((choice) => ({ id: choice.id || NO_CHOICE, label: choice.label }))}>
          {(choice) => (
            <ListBoxItem id={choice.id} textValue={choice.label} className="choice-option">
              {choice.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { ApiError } from '../../api/client';

export interface Choice {
  id: string;
  label: string;
}

interface ChoiceSelectProps {
  label: string;
  /** The API field the choice goes to; the API's problem with it is shown under the field. */
  name: string;
  choices: Choice[];
  value: string | null;
  onChange: (value: string) => void;
  error?: unknown;
  placeholder?: string;
}

/** A labelled choice among a few (members, kinds of motion), opened and chosen with the keyboard alone. */
export function ChoiceSelect({ label, name, choices, value, onChange, error, placeholder = 'Välj …' }: ChoiceSelectProps) {
  const message = error instanceof ApiError ? error.fieldMessage(name) : undefined;
  return (
    <Select
      className="field choice-select"
      name={name}
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isInvalid={Boolean(message)}
      validationBehavior="aria"
      placeholder={placeholder}
    >
      <Label>{label}</Label>
      <Button className="choice-select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError>{message}</FieldError>
      <Popover className="choice-select-popover">
        <ListBox items={choices}>{(choice) => <ListBoxItem id={choice.id} textValue={choice.label}>{choice.label}</ListBoxItem>}</ListBox>
      </Popover>
    </Select>
  );
}

/**
 * The text was changed in another tab while this one was being typed: what stands there now, and the
 * choice of which text is kept.
 */
export function ConflictNotice({ changed, theirs, keepMine, takeTheirs }: { changed: string; theirs: string; keepMine: () => void; takeTheirs: () => void }) {
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{changed} har ändrats i en annan flik.</strong> Där står nu:
      </p>
      <blockquote className="conflict-text">{theirs}</blockquote>
      <div className="button-row">
        <Button className="button button-primary" onPress={keepMine}>
          Behåll min text
        </Button>
        <Button className="button" onPress={takeTheirs}>
          Använd den andra texten
        </Button>
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
import {
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';
import { ApiError } from '../api/client';

type TextInputProps = Omit<TextFieldProps, 'children' | 'name' | 'isInvalid'> & {
  label: string;
  /** The API field the value goes to; the API's problem with it is shown under the field. */
  name: string;
  error?: unknown;
  description?: ReactNode;
  multiline?: boolean;
  rows?: number;
  /** The label is read out but not shown, where a column heading says it (a table of fields). */
  hideLabel?: boolean;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'time' | 'datetime-local' | 'number' | 'tel' | 'url';
};

/** A labelled text field; the API's Swedish message about this field appears under it and is tied to it with aria-describedby. */
export function TextInput({ label, name, error, description, multiline, rows = 4, type = 'text', hideLabel, className, ...props }: TextInputProps) {
  const message = error instanceof ApiError ? error.fieldMessage(name) : undefined;
  return (
    <TextField {...props} name={name} type={type} isInvalid={Boolean(message)} validationBehavior="aria" className={`field ${className ?? ''}`.trim()}>
      <Label className={hideLabel ? 'visually-hidden' : undefined}>{label}</Label>
      {multiline ? <TextArea rows={rows} /> : <Input />}
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError>{message}</FieldError>
    </TextField>
  );
}

/** The API's message about the form as a whole (a rule broken, a conflict), above its buttons. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : 'Något gick fel. Försök igen.';
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}

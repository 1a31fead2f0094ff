/**
 * A form's labelled fields, the same on every page: `div.field` with its label, an optional
 * hint (the control is described by it) and the control. The control takes every attribute of
 * its element (`name`, `required`, `maxLength`…); `onValue` receives the new value as text.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { DateInput, type DateInputProps } from './date-input.tsx';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  /** Classes of the `div.field` besides `field`. */
  fieldClassName?: string;
  /** Said under the control when its value is wrong (a `.field-error`), and describes it. */
  error?: ReactNode;
}

type Control<Attributes> = FieldFrame &
  Omit<Attributes, 'id' | 'onChange'> & {
    onValue?: (value: string) => void;
    onChange?: Attributes extends { onChange?: infer Handler } ? Handler : never;
  };

/** The frame (label, hint, error) around a control, and the control's own attributes. */
function useField<Attributes extends { 'aria-describedby'?: string }>(props: Control<Attributes>) {
  const { label, hint, fieldClassName, error, onValue, onChange, ...attributes } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [attributes['aria-describedby'], hint ? hintId : undefined, error ? errorId : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const control = {
    ...attributes,
    id,
    'aria-describedby': describedBy,
    onChange: onValue ? (event: { target: { value: string } }) => onValue(event.target.value) : onChange,
  };
  const wrap = (element: ReactNode) => (
    <div className={fieldClassName ? `field ${fieldClassName}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {element}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
  return { control, wrap };
}

export function InputField(props: Control<InputHTMLAttributes<HTMLInputElement>>) {
  const { control, wrap } = useField(props);
  return wrap(<input {...control} />);
}

export function SelectField(props: Control<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { control, wrap } = useField(props);
  return wrap(<select {...control} />);
}

export function TextAreaField(props: Control<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { control, wrap } = useField(props);
  return wrap(<textarea {...control} />);
}

/** A date typed day/month/year or picked from a Khmer calendar (DateInput); `value` is ISO. */
export function DateField(props: FieldFrame & Omit<DateInputProps, 'id'>) {
  const { label, hint, fieldClassName, error, ...input } = props;
  const { control, wrap } = useField<{ 'aria-describedby'?: string }>({
    label,
    hint,
    fieldClassName,
    error,
    'aria-describedby': input['aria-describedby'],
  });
  return wrap(<DateInput {...input} id={control.id} aria-describedby={control['aria-describedby']} />);
}

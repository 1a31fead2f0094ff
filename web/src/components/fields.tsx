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

/** The ids of the control and of what describes it, and the frame around the control. */
function useFrame(frame: FieldFrame, describedBy: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described =
    [describedBy, frame.hint ? hintId : undefined, frame.error ? errorId : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const wrap = (control: ReactNode) => (
    <div className={frame.fieldClassName ? `field ${frame.fieldClassName}` : 'field'}>
      <label htmlFor={id}>{frame.label}</label>
      {frame.hint ? (
        <p id={hintId} className="hint">
          {frame.hint}
        </p>
      ) : null}
      {control}
      {frame.error ? (
        <p id={errorId} className="field-error">
          {frame.error}
        </p>
      ) : null}
    </div>
  );
  return { id, described, wrap };
}

export function InputField({
  label,
  hint,
  fieldClassName,
  error,
  onValue,
  onChange,
  ...input
}: Control<InputHTMLAttributes<HTMLInputElement>>) {
  const { id, described, wrap } = useFrame({ label, hint, fieldClassName, error }, input['aria-describedby']);
  return wrap(
    <input
      {...input}
      id={id}
      aria-describedby={described}
      onChange={onValue ? (event) => onValue(event.target.value) : onChange}
    />,
  );
}

export function SelectField({
  label,
  hint,
  fieldClassName,
  error,
  onValue,
  onChange,
  children,
  ...select
}: Control<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { id, described, wrap } = useFrame(
    { label, hint, fieldClassName, error },
    select['aria-describedby'],
  );
  return wrap(
    <select
      {...select}
      id={id}
      aria-describedby={described}
      onChange={onValue ? (event) => onValue(event.target.value) : onChange}
    >
      {children}
    </select>,
  );
}

export function TextAreaField({
  label,
  hint,
  fieldClassName,
  error,
  onValue,
  onChange,
  ...textarea
}: Control<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { id, described, wrap } = useFrame(
    { label, hint, fieldClassName, error },
    textarea['aria-describedby'],
  );
  return wrap(
    <textarea
      {...textarea}
      id={id}
      aria-describedby={described}
      onChange={onValue ? (event) => onValue(event.target.value) : onChange}
    />,
  );
}

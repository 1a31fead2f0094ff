/**
 * Choosing files to attach: PDF, JPEG or PNG up to the size limit, which is shown. A file the
 * API would refuse is named with the reason at once and not kept.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import {
  ATTACHMENT_ACCEPT,
  attachmentProblem,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type AttachmentProblem,
} from './form-rules.ts';

const PROBLEM_KEYS: Record<AttachmentProblem, string> = {
  empty: 'errors.services.attachment.empty',
  too_large: 'errors.services.attachment.too_large',
  type_not_allowed: 'errors.services.attachment.type_not_allowed',
  bad_name: 'errors.services.attachment.bad_name',
};

export function useSizeText() {
  const format = useFormat();
  const { t } = useTranslation();
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? t('services.files.mb', { size: format.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) })
      : t('services.files.kb', { size: format.number(Math.max(1, Math.round(bytes / 1024))) });
}

interface FilePickerProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** Files already attached (they count towards the limit). */
  already?: number;
}

export function FilePicker({ files, onChange, already = 0 }: FilePickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sizeText = useSizeText();
  const id = useId();
  const [refused, setRefused] = useState<{ name: string; problem: AttachmentProblem }[]>([]);
  const room = MAX_ATTACHMENTS - already;

  return (
    <div className="field svc-files">
      <label htmlFor={id}>{t('services.files.label')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('services.files.hint', {
          size: sizeText(MAX_ATTACHMENT_BYTES),
          count: format.number(MAX_ATTACHMENTS),
        })}
      </p>
      {refused.length > 0 ? (
        <ul className="field-error svc-files__refused" role="alert">
          {refused.map((file) => (
            <li key={file.name}>
              {file.name}: {t(PROBLEM_KEYS[file.problem])}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        name="file"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        aria-describedby={`${id}-hint`}
        disabled={room <= files.length}
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          const bad = chosen
            .map((file) => ({ name: file.name, problem: attachmentProblem(file) }))
            .filter((file): file is { name: string; problem: AttachmentProblem } => file.problem !== null);
          const good = chosen.filter((file) => attachmentProblem(file) === null);
          setRefused(bad);
          onChange([...files, ...good].slice(0, Math.max(0, room)));
          // The same file may be chosen again after it is removed.
          event.target.value = '';
        }}
      />
      {files.length > 0 ? (
        <ul className="svc-files__chosen">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name} <span className="muted">({sizeText(file.size)})</span>{' '}
              <button
                type="button"
                className="button button--secondary svc-small-button"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t('services.files.remove')}
                <span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

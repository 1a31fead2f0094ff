/** A row of headline figures (`dl.counts`): each a label, a value and an optional note under it. */
import type { ReactNode } from 'react';

export interface CountItem {
  /** Names the figure in the page (`data-kind`), for styles and tests. */
  kind: string;
  label: ReactNode;
  value: ReactNode;
  note?: ReactNode;
}

export function Counts({ items, className }: { items: readonly CountItem[]; className?: string }) {
  return (
    <dl className={className ? `counts ${className}` : 'counts'}>
      {items.map((item) => (
        <div key={item.kind} className="counts__item" data-kind={item.kind}>
          <dt>{item.label}</dt>
          <dd className="counts__value">{item.value}</dd>
          {item.note ? <dd className="counts__note">{item.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

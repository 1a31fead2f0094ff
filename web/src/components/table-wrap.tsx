import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone. With a label the scrolling region is named and
 * focusable, so that a keyboard can scroll it too (a table of figures has nothing else to focus).
 */
export function TableWrap({ label, children }: { label?: string; children: ReactNode }) {
  if (label === undefined) return <div className="table-wrap">{children}</div>;
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';

/** A labelled checkbox (react-aria Checkbox) with a visible box that follows its state. */
export function CheckField({ isSelected, onChange, children }: { isSelected: boolean; onChange: (selected: boolean) => void; children: ReactNode }) {
  return (
    <Checkbox isSelected={isSelected} onChange={onChange} className="check-field">
      <span className="check-box" aria-hidden="true">
        {isSelected ? '✓' : ''}
      </span>
      {children}
    </Checkbox>
  );
}

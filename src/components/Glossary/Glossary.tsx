import { useId, useRef, useState } from 'react';
import { GLOSSARY, GLOSSARY_TERMS } from './glossary';
import './Glossary.css';

/**
 * The `Glossary` button and its panel of short definitions. The panel is non-modal: the page stays
 * usable around it. Escape (on the button or in the panel) or `Close glossary` closes it and puts focus back on the button.
 */
export function Glossary() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <div
      className="glossary"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        close();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="glossary-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        Glossary
      </button>
      <div id={panelId} className="glossary-panel" role="region" aria-label="Glossary" hidden={!open}>
        <dl className="glossary-list">
          {GLOSSARY_TERMS.map((term) => (
            <div key={term} className="glossary-entry">
              <dt>{term}</dt>
              <dd>{GLOSSARY[term]}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="glossary-close" onClick={close}>
          Close glossary
        </button>
      </div>
    </div>
  );
}

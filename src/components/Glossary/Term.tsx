import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryTerm } from './glossary';
import './Glossary.css';

interface TermProps {
  readonly name: GlossaryTerm;
  readonly children: ReactNode;
}

/**
 * A word with its glossary definition: a button whose definition shows on hover and focus (tap on a
 * touch screen) and is its accessible description. Escape hides it again without moving focus.
 */
export function Term({ name, children }: TermProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const tooltipRef = useRef<HTMLSpanElement>(null);

  // A term near the right edge would push its tooltip off screen: slide it back in. `translate` is not
  // a prop React renders, so setting it here does not fight React.
  useLayoutEffect(() => {
    const tooltip = tooltipRef.current;
    if (!open || !tooltip) return;
    tooltip.style.translate = '';
    const overflow = tooltip.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) tooltip.style.translate = `${-overflow}px 0`;
  }, [open]);

  return (
    <span className="term" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="term-button"
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          event.stopPropagation();
          setOpen(false);
        }}
      >
        {children}
      </button>
      <span ref={tooltipRef} role="tooltip" id={id} className="term-tooltip" hidden={!open}>
        {GLOSSARY[name]}
      </span>
    </span>
  );
}

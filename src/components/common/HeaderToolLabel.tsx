import type { ReactNode } from 'react';

/** 20×20 line drawings, one per header tool: a signpost (the tour), an open book (the lessons), a screen on a stand, a keyboard. */
const ICON_PATHS = {
  tour: 'M10 2v16M10 4h6l2 2.5L16 9h-6M10 10H4l-2 2.5L4 15h6',
  lessons: 'M10 5C8 3.5 5 3 2 3.5v12c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5v-12C15 3 12 3.5 10 5zM10 5v12',
  presenter: 'M2 3h16v10H2zM10 13v4M6 18h8',
  shortcuts: 'M1.5 5h17v10h-17zM4.5 8h1M8 8h1M11.5 8h1M15 8h1M4.5 11h1M7.5 12h5M15 11h1',
} as const;

export type HeaderToolIcon = keyof typeof ICON_PATHS;

/**
 * A header button's content: its words, and an icon that takes their place on a phone so the four
 * tools fit on the title's line. The words stay in the button (only hidden from sight there), so its
 * accessible name is the same in every room.
 */
export function HeaderToolLabel({ icon, children }: { icon: HeaderToolIcon; children: ReactNode }) {
  return (
    <>
      <svg className="header-tool-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d={ICON_PATHS[icon]} />
      </svg>
      <span className="header-tool-words">{children}</span>
    </>
  );
}

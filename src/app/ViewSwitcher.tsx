/** The four views a phone shows one at a time; on wider screens every panel stays on the page. */
export const LAB_VIEWS = ['Train', 'Network', 'Data', 'Math'] as const;
export type LabView = (typeof LAB_VIEWS)[number];

export function isLabView(name: string): name is LabView {
  return (LAB_VIEWS as readonly string[]).includes(name);
}

interface ViewSwitcherProps {
  view: LabView;
  onChange: (view: LabView) => void;
}

/**
 * `View`: a segmented control of toggle buttons (one pressed at a time). Only the phone's stylesheet
 * shows it and hides the panels of the other views, so a laptop or a projector keeps every panel in
 * the page, and keyboard and screen-reader users find them all there.
 */
export function ViewSwitcher({ view, onChange }: ViewSwitcherProps) {
  return (
    <div className="view-switcher" role="group" aria-label="View">
      {LAB_VIEWS.map((name) => (
        <button
          key={name}
          type="button"
          aria-pressed={view === name}
          onClick={() => {
            onChange(name);
            // The new view starts at its top, just under the run bar, not where the old one was scrolled.
            if (window.scrollY > 0) window.scrollTo({ top: 0 });
          }}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

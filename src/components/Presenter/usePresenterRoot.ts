import { useEffect } from 'react';
import { useLab } from '../../store/labStore';

/** The class on <html> that scales the whole type scale (rem) in presenter mode; see styles.css. */
export const PRESENTER_ROOT_CLASS = 'presenter';

/** Presenter mode as a class on the document root, so rem-sized type grows everywhere at once. */
export function usePresenterRoot(): boolean {
  const presenter = useLab((state) => state.settings.presenter);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle(PRESENTER_ROOT_CLASS, presenter);
    return () => root.classList.remove(PRESENTER_ROOT_CLASS);
  }, [presenter]);
  return presenter;
}

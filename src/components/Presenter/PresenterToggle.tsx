import { HeaderToolLabel } from '../common/HeaderToolLabel';
import { togglePresenter } from '../../store/classroomActions';
import { useLab } from '../../store/labStore';

/** `Presenter mode`: large type for a projector, advanced controls out of the way (key P). */
export function PresenterToggle() {
  const presenter = useLab((state) => state.settings.presenter);
  return (
    <button type="button" aria-pressed={presenter} aria-keyshortcuts="P" onClick={togglePresenter}>
      <HeaderToolLabel icon="presenter">Presenter mode</HeaderToolLabel>
    </button>
  );
}

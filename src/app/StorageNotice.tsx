import { formatCount } from '../components/format';
import { dismissStorageNotice, keepThisLab, loadSavedLab } from '../store/storageActions';
import { useStorageNotice, type StorageNotice as Notice } from '../store/storageNotice';

function people(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'person' : 'people'}`;
}

function message(notice: NonNullable<Notice>): string {
  switch (notice.kind) {
    case 'newer-elsewhere':
      return 'Another tab saved a newer lab. This tab no longer saves, so it does not overwrite that one: load the other tab’s lab, or keep this one (it replaces the other tab’s save).';
    case 'full':
      return `This browser’s storage is full, so your lab is not saved: the table (${people(notice.people)}) and your changes since the last save will be gone after a reload. The last save stays. Export CSV keeps a copy of the table.`;
    case 'unreadable-kept':
      return `Your saved lab could not be restored (${notice.why}), so the lab opened with the defaults. Its text is kept as it was: nothing is saved over it until you choose to save this lab.`;
  }
}

/** What autosave could not do, with the user's choices: load or keep, export, save over. */
export function StorageNotice() {
  const notice = useStorageNotice();
  if (!notice) return null;
  return (
    <div className="app-notice app-notice-error" role="alert" aria-label="Saving">
      <p>{message(notice)}</p>
      <div className="app-notice-actions">
        {notice.kind === 'newer-elsewhere' && (
          <>
            <button type="button" onClick={() => loadSavedLab()}>
              Load the newer lab
            </button>
            <button type="button" onClick={keepThisLab}>
              Keep this one
            </button>
          </>
        )}
        {notice.kind === 'full' && (
          <>
            <button type="button" onClick={exportCsv}>
              Export CSV
            </button>
            <button type="button" onClick={dismissStorageNotice}>
              Dismiss
            </button>
          </>
        )}
        {notice.kind === 'unreadable-kept' && (
          <button type="button" onClick={keepThisLab}>
            Save this lab over it
          </button>
        )}
      </div>
    </div>
  );
}

/** The CSV writer loads when it is asked for: a full storage is rare, and the first load counts every byte. */
function exportCsv(): void {
  void import('../components/common/datasetCsv').then(({ downloadDatasetCsv }) => downloadDatasetCsv());
}

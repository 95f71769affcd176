import { useLab } from '../store/labStore';

/** One message for the whole lab (a save or link that could not be used, a restarted worker). */
export function AppNotice() {
  const notice = useLab((state) => state.appNotice);
  if (!notice) return null;
  return (
    <div
      className={`app-notice app-notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.message}</p>
      <button type="button" onClick={() => useLab.setState({ appNotice: null })}>
        Dismiss
      </button>
    </div>
  );
}

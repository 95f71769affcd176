import { useRef, useState, type DragEvent } from 'react';
import { ColumnMapping } from './ColumnMapping';
import { ExportControls } from './ExportControls';
import { NoticeView } from './NoticeView';
import { PasteBox } from './PasteBox';
import { useCsvImport } from './useCsvImport';
import './DataIO.css';

function holdsFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * Import and export: a CSV in by file picker, drop or paste (with a mapping step for unknown headers),
 * the dataset, the weights or a `predict` function out. Every import says what it took and lists each
 * line it left out; a refused import changes nothing.
 */
export function DataIO() {
  const { notice, encodingNote, setNotice, importText, importFile, applyColumns, cancelMapping } =
    useCsvImport();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    if (!holdsFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <section
      className={`dataio${dragging ? ' dataio--dragging' : ''}`}
      aria-label="Import and export"
      onDragOver={(event) => {
        if (!holdsFiles(event)) return;
        event.preventDefault(); // allows the drop
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 className="dataio-title">Import and export</h2>
      <div className="dataio-buttons">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import CSV
        </button>
        <span className="dataio-hint">or drop a CSV file on this panel</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-label="CSV file"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ''; // picking the same file again imports it again
            if (file) void importFile(file);
          }}
        />
      </div>
      <PasteBox onImport={(text) => importText(text, 'The pasted text')} />
      {notice.kind === 'mapping' && (
        <ColumnMapping
          key={notice.raw.headers.join('\u0000') + notice.raw.rows.length}
          raw={notice.raw}
          source={notice.source}
          onApply={(mapping) => applyColumns(notice.raw, mapping, notice.source)}
          onCancel={cancelMapping}
        />
      )}
      <div className="dataio-status" role="status">
        {encodingNote !== null && <p>{encodingNote}</p>}
        <NoticeView notice={notice} />
      </div>
      <ExportControls onDone={(message) => setNotice({ kind: 'info', message })} />
    </section>
  );
}

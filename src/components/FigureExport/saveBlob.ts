/**
 * Saves a Blob as a file, the way DataIO/download.ts saves text: an object URL clicked through a
 * detached <a download>, released on the next task (revoking during the click can cancel it).
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Saves bytes or text as a file the browser downloads (the web host) or Electron saves through its own dialog.
 * The object URL is released after the click has been handled.
 */
export function saveFile(fileName: string, data: Uint8Array<ArrayBuffer> | string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

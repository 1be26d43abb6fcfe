/** Hands `content` to the browser as a file download named `filename`; nothing is kept anywhere. */
export const saveFile = (filename: string, content: string, type = 'text/plain;charset=utf-8'): void => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** Pretty JSON for a `settings.json` download. */
export const saveJson = (filename: string, value: unknown): void =>
  saveFile(filename, `${JSON.stringify(value, null, 2)}\n`, 'application/json;charset=utf-8');

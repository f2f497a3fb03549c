// How an image-table url reads in the browser. A file: URL names a file on the server's own disk:
// its absolute path means nothing to the reader and should not be published, its file name does.

const FILE_URL = /file:\/\/[^\s'"`<>)]*/g;

function fileName(url: string): string {
  const last = url.replace(/\/+$/, "").split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** "live-x86_64.iso (on the server)" for a file: URL; any other url as it is (a mirror's address is public). */
export function displayUrl(url: string): string {
  return url.startsWith("file:") ? `${fileName(url)} (on the server)` : url;
}

/** The text with every file: URL in it replaced by its file name. */
export function hideFileUrls(text: string): string {
  return text.replace(FILE_URL, (url) => fileName(url));
}

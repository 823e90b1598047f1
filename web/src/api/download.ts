import { call } from './client';

/** Saves a file in the browser under the given name. */
export function saveFile(name: string, data: Blob | string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// the service names the file (Content-Disposition: filename*=UTF-8''…); the fallback is for a missing header
function filenameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/** Downloads a file route of the API (called with `parseAs: 'blob'`); errors surface as ApiError like any call. */
export async function downloadFrom(p: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback: string): Promise<void> {
  let response: Response | undefined;
  const blob = await call(p.then((r) => ((response = r.response), r)));
  saveFile(filenameOf(response!, fallback), blob);
}

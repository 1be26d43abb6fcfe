const STORAGE_KEY = 'orchwiz.return-to';

/** Only paths inside this app: no other origin (`//evil`, `https://…`) and never back to the sign-in pages. */
export const safeReturnPath = (value: string | null | undefined, fallback = '/'): string => {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value === '/login' || value.startsWith('/login?') || value.startsWith('/login/')) return fallback;
  return value;
};

/** `/login?next=…` for the page the user wanted. */
export const loginPath = (next?: string): string => {
  const path = safeReturnPath(next, '');
  return path && path !== '/' ? `/login?next=${encodeURIComponent(path)}` : '/login';
};

/**
 * Email links open in a new tab, where the `?next=` of the login page is gone; the wanted page waits in
 * local storage until the link is used.
 */
export const rememberReturnPath = (path: string): void => {
  try {
    const safe = safeReturnPath(path, '');
    if (safe) localStorage.setItem(STORAGE_KEY, safe);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the dashboard is a fine place to land.
  }
};

export const takeReturnPath = (): string | undefined => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    localStorage.removeItem(STORAGE_KEY);
    return safeReturnPath(stored, '') || undefined;
  } catch {
    return undefined;
  }
};

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Passkey = { id: string; label: string; createdAt: string | null; lastUsedAt: string | null };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

/** What `POST /api/me/tokens` answers: the token, plus its plaintext, shown this once. */
export type CreatedToken = ApiToken & { token: string };

export type GithubLink = { configured: boolean; linked: boolean; login: string | null };

import type { ReactNode } from 'react';

/** The frame of the sign-in pages: no navigation, just the brand and one card. */
export const AuthPage = ({ children }: { children: ReactNode }) => (
  <div className="auth-page">
    <main className="auth-card" id="main">
      <p className="auth-card__brand">
        <span className="brand__mark" aria-hidden="true">
          ◭
        </span>{' '}
        <span className="brand__name">OrchWiz</span> <span className="brand__tag">command deck</span>
      </p>
      {children}
    </main>
  </div>
);

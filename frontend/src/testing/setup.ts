import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…`/`waitFor` wait up to 1 s by default; on a busy two-core CI machine a render that takes a few hundred
// milliseconds alone took longer (a failed run, 2026-12-06). Waiting longer changes no assertion, only how long a
// real failure takes to report.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

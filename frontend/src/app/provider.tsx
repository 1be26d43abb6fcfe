import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';

/** App-wide providers; the event stream opens only for a signed-in user (see `SignedInApp`). */
export const AppProvider = ({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) => {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
};

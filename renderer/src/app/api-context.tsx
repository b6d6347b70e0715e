/** Puts the api facade into React context so screens (and component tests) get it from one place. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../api/api';

const ApiContext = createContext<Api | null>(null);

/** Provides the facade to everything below. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The api facade of the running app. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiProvider is missing');
  return api;
}

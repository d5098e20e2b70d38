import { createContext, useContext, type ReactNode } from 'react';
import type { ScorebookDb } from '../data/database';
import type { ContractClient } from '../host/contract-client';

/**
 * Everything with side effects the UI needs, created once in main.tsx and passed down:
 * the contract client, the database, the clock and the id source (tests pass their own).
 */
export interface AppServices {
  readonly client: ContractClient;
  readonly db: ScorebookDb;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly transport: 'electron' | 'web';
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (services === undefined) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** Every table of the CounterDesk database. drizzle-kit reads this file to generate migrations. */
export * from './audit';
export * from './catalog';
export * from './devices';
export * from './repairs';
export * from './returns';
export * from './sales';
export * from './store';

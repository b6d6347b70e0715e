/** Return/exchange/warranty policy as data, and the engine that reads it. */
export * from './decide';
export * from './explain';
export * from './profile';
export * from './profiles/cn-sanbao';
export * from './profiles/generic-retail';
export * from './reasons';
export * from './vocabulary';

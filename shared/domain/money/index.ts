/** Money: integer minor units + currency code. Never floats, never toFixed. */
export * from './allocate';
export * from './currency';
export * from './format';
export * from './money';
export * from './parse';
export * from './percent';
export * from './rounding';
export * from './safe';
export * from './tenders';

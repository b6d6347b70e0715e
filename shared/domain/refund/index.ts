/** Refund math: prorating, tax, caps, tenders and exchanges. All integer minor units. */
export * from './compute-refund';
export * from './errors';
export * from './exchange';
export * from './plan-refund';
export * from './prorate';
export * from './sale';
export * from './tax';
export * from './tenders';
export * from './validate-sale';

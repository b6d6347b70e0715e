/** The only two IPC channels: one invoke channel carrying the contract method name, one event channel. */
export const IPC_INVOKE = 'counterdesk:invoke';
export const IPC_EVENT = 'counterdesk:event';

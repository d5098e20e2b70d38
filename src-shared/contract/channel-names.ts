/**
 * The contract's channel names without their schemas. The sandboxed preload imports only this,
 * so it bundles to a few lines with no dependency; channels.ts checks that both lists agree.
 */
export const channelNames = [
  'app:info',
  'criteria:list',
  'criteria:get',
  'demo:get',
  'identity:status',
  'identity:create',
  'identity:create-office',
  'identity:unlock',
  'identity:lock',
  'identity:change-passphrase',
  'settings:set-idle-minutes',
  'enrollment:export',
  'assignments:import',
  'assignments:repin',
  'office:pin',
  'assignments:status',
  'packages:sign-pledge',
  'packages:sign-declaration',
  'packages:sign-sheet',
  'receipts:import',
  'demo:assignment',
  'dialog:confirm',
  'files:save-to-folder',
  'identity:quick-unlock-status',
  'identity:quick-unlock-enable',
  'identity:quick-unlock-disable',
  'identity:quick-unlock',
  'office:experts-list',
  'office:experts-import',
  'office:expert-confirm',
  'office:expert-update',
  'office:expert-revoke',
  'office:assignment-issue',
  'office:assignments-list',
  'office:inbox-import',
  'office:inbox-list',
  'office:receipts-export',
  'office:sign-record',
  'office:demo-load',
  'office:xlsx-read',
  'office:xlsx-write',
  'materials:read',
  'evidence:add',
  'evidence:read',
  'office:material-add',
  'office:attachment-read',
] as const;

export type ChannelName = (typeof channelNames)[number];

/** The IPC channel a contract channel travels on; one prefix keeps ours apart from Electron's own. */
export function ipcChannelName<C extends ChannelName>(channel: C): `scorebook:${C}` {
  return `scorebook:${channel}`;
}

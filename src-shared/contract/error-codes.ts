/**
 * Every error code the app can return. Adding a code without a message in both languages
 * fails the type check (see error-messages.ts), so no code reaches a user without words.
 */
export const errorCodes = [
  // transport and contract
  'E_UNKNOWN_CHANNEL',
  'E_BAD_REQUEST',
  'E_BAD_RESPONSE',
  'E_INTERNAL',
  'E_TRANSPORT',
  'E_TOKEN',
  'E_ORIGIN',
  'E_FRAME',
  // criteria files
  'E_CRITERIA_NOT_FOUND',
  'E_CRITERIA_INVALID',
  // demo and resources
  'E_DEMO_INVALID',
  'E_RESOURCE_READ',
  // scoring
  'E_PERCENT_STEP',
  'E_PERCENT_RANGE',
  'E_ITEM_UNKNOWN',
  // local data
  'E_STORAGE_QUOTA',
  'E_STORAGE_WRITE',
  'E_ROW_INVALID',
  'E_SHEET_NOT_FOUND',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

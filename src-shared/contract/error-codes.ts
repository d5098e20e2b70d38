/**
 * Every error code the app can return. Adding a code without a message in both languages
 * fails the type check (see error-messages.ts), so no code reaches a user without words.
 */
export const errorCodes = [
  // transport and contract
  'E_UNKNOWN_CHANNEL',
  'E_NOT_AVAILABLE',
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
  // packages: the office verification order (docs/package-format.md), in order
  'E_TOO_LARGE',
  'E_SEAL',
  'E_CONTAINER',
  'E_MALFORMED',
  'E_TYPE',
  'E_KEY_UNKNOWN',
  'E_KEY_REVOKED',
  'E_SIG',
  'E_NONCANONICAL',
  'E_SCHEMA',
  'E_ISSUER_MISMATCH',
  'E_CYCLE',
  'E_STAGE_CLOSED',
  'E_NOT_ASSIGNED',
  'E_RECUSED',
  'E_ID_REUSE',
  'E_ROLLBACK',
  'E_FORK',
  'E_GAP',
  'E_ATTACHMENT',
  'E_TOTALS',
  // keys and identity
  'E_NO_PROFILE',
  'E_PROFILE_EXISTS',
  'E_PASSPHRASE_WEAK',
  'E_PASSPHRASE_WRONG',
  'E_THROTTLED',
  'E_KEY_FILE_CORRUPT',
  'E_LOCKED',
  'E_QUICK_UNLOCK',
  // assignments and the pinned office key
  'E_OFFICE_KEY_CHANGED',
  'E_WRONG_EXPERT',
  'E_DEMO_KEY',
  // submitting
  'E_SHEET_INCOMPLETE',
  // office: cycles, consensus, recommendations
  'E_CYCLE_FROZEN',
  'E_CONSENSUS_INVALID',
  'E_AWARD_LIMIT',
  'E_AWARD_DUPLICATE',
  // receipts
  'E_RECEIPTS_FILE',
  'E_NO_OFFICE_PIN',
  'E_RECEIPT_UNKNOWN',
  'E_RECEIPT_MISMATCH',
  // office: applicants
  'E_USCC_LENGTH',
  'E_USCC_CHARSET',
  'E_USCC_ORG_CODE',
  'E_USCC_CHECK',
  'E_APPLICANT_REQUIRED',
  'E_APPLICANT_DATE',
  'E_APPLICANT_FUTURE',
  'E_APPLICANT_DATE_ORDER',
  'E_APPLICANT_CHOICE',
  'E_APPLICANT_FORMAT',
  'E_APPLICANT_FIELD',
  'E_APPLICANT_DUPLICATE',
  'E_APPLICANT_EXISTS',
  'E_TABLE_EMPTY',
  'E_TABLE_HEADER_MISSING',
  'E_TABLE_HEADER_UNKNOWN',
  'E_TABLE_HEADER_DUPLICATE',
  'E_TABLE_COLUMNS',
  'E_CSV_UNTERMINATED',
  'E_CSV_QUOTE',
  'E_XLSX_READ',
  'E_XLSX_CELL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

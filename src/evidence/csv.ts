/**
 * CSV per RFC 4180 (CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled),
 * with spreadsheet formula injection neutralised: a cell starting with = + - @, a tab or a CR gets a
 * leading apostrophe, so Excel, LibreOffice and Sheets show it as text (OWASP "CSV Injection").
 */
import { COLUMNS, type EvidenceRequest } from './requests.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a spreadsheet cell gets: formula-like values defused. Shared by CSV and XLSX. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header row and data rows as spreadsheet cells. */
export function cellRows(requests: readonly EvidenceRequest[]): string[][] {
  return [COLUMNS.map(([, header]) => header), ...requests.map((r) => COLUMNS.map(([key]) => safeCell(r[key])))];
}

export function toCsv(requests: readonly EvidenceRequest[]): string {
  return cellRows(requests)
    .map((row) => row.map(field).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}

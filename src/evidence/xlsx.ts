/**
 * The evidence request list as an Excel workbook: a header row, filters, frozen header and id column.
 * exceljs is loaded here only (it is large), and the workbook is re-zipped with fixed timestamps and
 * a fixed entry order so two runs with the same clock give the same bytes.
 */
import { createRequire } from 'node:module';
import { cellRows } from './csv.js';
import { COLUMNS, type EvidenceRequest } from './requests.js';

const require = createRequire(import.meta.url);
// Loaded by name at run time so the bundler leaves these packages out of the CLI's chunks.
const load = <T>(name: string): T => require(name) as T;

const WIDTHS: Partial<Record<keyof EvidenceRequest, number>> = {
  requestId: 22,
  artifact: 60,
  sampleBasis: 48,
  criteria: 18,
  blockedBy: 14,
};

export async function toXlsx(requests: readonly EvidenceRequest[], now: string): Promise<Uint8Array> {
  const ExcelJS = load<typeof import('exceljs')>('exceljs');
  const workbook = new ExcelJS.Workbook();
  const date = new Date(now);
  Object.assign(workbook, { creator: 'soc2-ready', lastModifiedBy: 'soc2-ready', created: date, modified: date });
  const sheet = workbook.addWorksheet('Evidence requests', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key]) => ({ key, width: WIDTHS[key] ?? 14 }));
  for (const row of cellRows(requests)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: requests.length + 1, column: COLUMNS.length } };
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  return deterministicZip(buffer, date);
}

/** Same files, sorted with [Content_Types].xml first (Excel expects it), every entry stamped `date`. */
function deterministicZip(zip: Uint8Array, date: Date): Uint8Array {
  const { unzipSync, zipSync } = load<typeof import('fflate')>('fflate');
  const files = unzipSync(zip);
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  // Zip stamps are DOS times read in the local time zone: build the local time whose fields are the
  // UTC ones, so the bytes do not depend on TZ; years before 1980 cannot be stored.
  const u = date.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : date;
  const mtime = new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes(),
    u.getUTCSeconds(),
  );
  return zipSync(Object.fromEntries(names.map((n) => [n, [files[n]!, { mtime, level: 6 }]])));
}

import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a workbook is first written or read: it takes some 30 MB of the API's memory,
 * which no process that never imports or exports a framework should carry.
 */
export function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

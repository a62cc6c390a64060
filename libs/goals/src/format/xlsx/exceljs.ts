import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a workbook is first read or written: it costs some 30 MB resident, and the worker (and most
 * API processes, most of the time) never touch a workbook.
 */
export function loadExcelJs(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}

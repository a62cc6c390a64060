export { frameworkToWorkbook, frameworkTemplate, TEMPLATE_EXAMPLE_KEY, XLSX_MEDIA_TYPE } from './framework-to-workbook';
export { readWorkbook, workbookImportErrors, workbookToFramework, type WorkbookReading, type WorkbookReadResult } from './workbook-to-framework';

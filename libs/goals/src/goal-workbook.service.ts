import { Injectable } from '@nestjs/common';
import { InvalidInputError, RequestContext } from '@namndrum/core';
import { frameworkTemplate, frameworkToWorkbook, readWorkbook } from './format/xlsx';
import { GoalFrameworkService, ImportResult } from './goal-framework.service';

/** An uploaded file as multer keeps it in memory. */
export interface UploadedWorkbook {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * Goal frameworks as Excel workbooks (docs/goal-framework-xlsx.md): the template, the export, and the
 * import, which reads the workbook into the JSON format and goes the JSON import's way from there (the
 * same validation, the same hash: a workbook of an imported framework changes nothing).
 */
@Injectable()
export class GoalWorkbookService {
  constructor(private readonly frameworks: GoalFrameworkService) {}

  template(): Promise<Buffer> {
    return frameworkTemplate();
  }

  async export(ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
    const file = await this.frameworks.export(ctx, id);
    return { fileName: `${file.framework.key}.xlsx`, content: await frameworkToWorkbook(file) };
  }

  async import(ctx: RequestContext, upload: UploadedWorkbook | undefined): Promise<ImportResult> {
    if (!upload || upload.size === 0) {
      throw new InvalidInputError('FILE_MISSING', 'Bifoga arbetsboken i fältet "file"', [{ field: 'file', messages: ['file is required'] }]);
    }
    const reading = await readWorkbook(upload.buffer);
    if (reading.file === null) {
      throw new InvalidInputError('FRAMEWORK_INVALID', reading.errors[0]?.message ?? 'Arbetsboken kunde inte läsas', [{ field: 'file', messages: reading.errors.map((error) => error.message) }]);
    }
    return this.frameworks.import(ctx, reading.file, reading);
  }
}

import { Injectable } from '@nestjs/common';
import { InvalidInputError, RequestContext, sha256Hex } from '@namndrum/core';
import { GoalFramework } from './entities';
import { frameworkTemplate, frameworkToWorkbook, readWorkbook, TEMPLATE_EXAMPLE_KEY } from './format/xlsx';
import { GoalFrameworkService, ImportResult } from './goal-framework.service';

/** The template's example left as it is: importing it would only store the example. */
function isTemplateExample(file: unknown): boolean {
  const framework = file !== null && typeof file === 'object' ? (file as { framework?: { key?: unknown } }).framework : undefined;
  return framework?.key === TEMPLATE_EXAMPLE_KEY;
}

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
    const workbookSha256 = sha256Hex(upload.buffer);
    // Reading a large workbook takes seconds; the one a framework was imported from, with nothing changed since, needs none.
    const same = await ctx.em
      .getRepository(GoalFramework)
      .createQueryBuilder('framework')
      .where('framework.municipality_id = :municipalityId AND framework.workbook_sha256 = :workbookSha256 AND framework.workbook_content_sha256 = framework.content_sha256', { municipalityId: ctx.municipalityId, workbookSha256 })
      .getOne();
    if (same) return { framework: same, changed: false };
    const reading = await readWorkbook(upload.buffer, { locate: false });
    if (reading.file === null) {
      throw new InvalidInputError('FRAMEWORK_INVALID', reading.errors[0]?.message ?? 'Arbetsboken kunde inte läsas', [{ field: 'file', messages: reading.errors.map((error) => error.message) }]);
    }
    if (isTemplateExample(reading.file)) {
      const located = await readWorkbook(upload.buffer);
      throw new InvalidInputError('FRAMEWORK_INVALID', 'Arbetsboken är mallen som den laddades ned och lästes inte in', [
        { field: located.locate('framework.key'), messages: [`"${TEMPLATE_EXAMPLE_KEY}" är mallens exempel: fyll i mallen och ge styrmodellen en egen nyckel`] },
      ]);
    }
    const result = (reading.errors.length === 0 ? await this.importIfValid(ctx, reading.file) : null) ?? (await this.importLocated(ctx, upload.buffer));
    Object.assign(result.framework, { workbookSha256, workbookContentSha256: result.framework.contentSha256 });
    await ctx.em.getRepository(GoalFramework).update({ id: result.framework.id }, { workbookSha256, workbookContentSha256: result.framework.contentSha256 });
    return result;
  }

  /** The import of a workbook read without its cells, or null when the file has errors (the import stored nothing). */
  private async importIfValid(ctx: RequestContext, file: unknown): Promise<ImportResult | null> {
    try {
      return await this.frameworks.import(ctx, file);
    } catch (error) {
      if (error instanceof InvalidInputError && error.code === 'FRAMEWORK_INVALID') return null;
      throw error;
    }
  }

  /** Read again, this time keeping each value's cell, so that every error names its sheet and cell. */
  private async importLocated(ctx: RequestContext, buffer: Buffer): Promise<ImportResult> {
    const reading = await readWorkbook(buffer);
    return this.frameworks.import(ctx, reading.file, reading);
  }
}

import { docxWithText, EXE_HEADER, pdfWithText, PNG_1X1 } from '../../../../test/support/files';
import { docxZipBomb } from '../../../../test/support/zip-archives';
import { acceptFileType } from './file-type';
import { extractText, MAX_EXTRACTED_CHARACTERS } from './text-extraction';

describe('extractText', () => {
  it('reads the text of a DOCX', async () => {
    const docx = await docxWithText('Instruktion', 'Arbetsutskottet bereder ärenden åt nämnden.');
    const text = await extractText(docx, 'docx');
    expect(text).toContain('Arbetsutskottet bereder ärenden åt nämnden.');
  });

  it('reads the text of a PDF, Swedish letters included', async () => {
    const text = await extractText(pdfWithText('Protokoll från arbetsutskottet (SUN)'), 'pdf');
    expect(text).toBe('Protokoll från arbetsutskottet (SUN)');
  });

  it('gives null for images and throws for files it cannot read', async () => {
    expect(await extractText(PNG_1X1, 'png')).toBeNull();
    await expect(extractText(Buffer.from('not a pdf'), 'pdf')).rejects.toThrow();
  });

  it('does not hand mammoth a DOCX that unpacks to more than it declares', async () => {
    const liar = await docxZipBomb(250 * 1024 * 1024, { declaredUncompressedBytes: 1000 });
    await expect(extractText(liar, 'docx')).rejects.toThrow();
  });

  it('keeps at most the limit', async () => {
    const docx = await docxWithText('Lång', 'ord '.repeat(MAX_EXTRACTED_CHARACTERS / 2));
    expect((await extractText(docx, 'docx'))!.length).toBe(MAX_EXTRACTED_CHARACTERS);
  });
});

describe('acceptFileType', () => {
  it('knows accepted types by their content, not their name', async () => {
    expect(await acceptFileType(pdfWithText('x'), 'brev.docx')).toEqual({ extension: 'pdf', mediaType: 'application/pdf' });
    expect(await acceptFileType(await docxWithText('t', 'x'), 'brev')).toEqual({
      extension: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect((await acceptFileType(PNG_1X1, 'bild.png')).mediaType).toBe('image/png');
  });

  it('refuses other types with a message that lists the accepted ones', async () => {
    await expect(acceptFileType(EXE_HEADER, 'faktura.pdf')).rejects.toMatchObject({ status: 400, code: 'FILE_TYPE_NOT_ACCEPTED', message: expect.stringContaining('PDF, Word (docx)') });
    await expect(acceptFileType(Buffer.from('bara text'), 'anteckning.txt')).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ACCEPTED' });
  });
});

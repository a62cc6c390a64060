import { fileTypeFromBuffer } from 'file-type';
import { InvalidInputError } from '@namndrum/core';
import { ACCEPTED_FILE_TYPES, ACCEPTED_FILE_TYPES_TEXT } from '../domain/document-types';

export interface AcceptedFile {
  extension: string;
  mediaType: string;
}

/** Sniffs the type from the bytes and refuses anything the diarium does not accept, whatever the file is called. */
export async function acceptFileType(content: Buffer, fileName: string): Promise<AcceptedFile> {
  const detected = await fileTypeFromBuffer(content);
  const extension = detected?.ext === 'jpeg' ? 'jpg' : detected?.ext;
  const accepted = extension ? ACCEPTED_FILE_TYPES[extension] : undefined;
  if (!extension || !accepted) {
    throw new InvalidInputError('FILE_TYPE_NOT_ACCEPTED', `Filen ${fileName} har en filtyp som inte tas emot. Tillåtna filtyper: ${ACCEPTED_FILE_TYPES_TEXT}.`, [
      { field: 'file', messages: [`file type ${detected?.mime ?? 'unknown'} is not accepted`] },
    ]);
  }
  return { extension, mediaType: accepted.mediaType };
}

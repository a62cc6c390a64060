/** The media type of every DOCX the system renders, downloads and attaches. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

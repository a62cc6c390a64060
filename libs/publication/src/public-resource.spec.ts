import { Readable } from 'node:stream';
import { sha256Hex } from '@namndrum/core';
import { entityTag } from './public-resource';

describe('entityTag', () => {
  it('gives a stored file streamed the same ETag as its bytes, from its name without reading it', () => {
    const content = Buffer.from('Kallelse till Kultur- och fritidsnämnden');
    const stream = new Readable({ read: () => { throw new Error('the stream was read'); } });
    expect(entityTag({ sha256: sha256Hex(content), size: content.length, stream })).toBe(entityTag(content));
    expect(entityTag(content)).toMatch(/^"[\w-]{32}"$/);
  });

  it('tells different bytes apart', () => {
    expect(entityTag('protokoll')).not.toBe(entityTag('Protokoll'));
  });
});

import { isPastGrace, UNREFERENCED_FILE_GRACE_MS, unreferencedFiles } from './unreferenced-files';

describe('unreferenced files', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600 * 1000);
  const orphan = { sha256: 'a'.repeat(64), writtenAt: hoursAgo(2) };
  const referenced = { sha256: 'b'.repeat(64), writtenAt: hoursAgo(200) };
  const young = { sha256: 'c'.repeat(64), writtenAt: hoursAgo(0.5) };

  it('removes an old file no row refers to, and keeps a referenced one however old', () => {
    expect(unreferencedFiles([orphan, referenced], new Set([referenced.sha256]), now)).toEqual([orphan]);
  });

  it('keeps a file written within the grace period, which an open transaction may be about to refer to', () => {
    expect(unreferencedFiles([young], new Set(), now)).toEqual([]);
  });

  it('counts the grace period of one hour from the time the file was last written', () => {
    expect(UNREFERENCED_FILE_GRACE_MS).toBe(3600 * 1000);
    expect(isPastGrace({ sha256: orphan.sha256, writtenAt: hoursAgo(1) }, now)).toBe(true);
    expect(isPastGrace({ sha256: orphan.sha256, writtenAt: new Date(hoursAgo(1).getTime() + 1) }, now)).toBe(false);
  });
});

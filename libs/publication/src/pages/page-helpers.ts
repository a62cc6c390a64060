import { NotFoundException } from '@nestjs/common';
import { Municipality } from '@namndrum/core';
import { DataSource } from 'typeorm';
import { PublicResource } from '../public-resource';

export const HTML = 'text/html; charset=utf-8';

export function html(body: string, lastModified: Date | null): PublicResource {
  return { contentType: HTML, body, lastModified };
}

/** The newest of the times given (what a page shows last changed), null when none. */
export function newest(times: (Date | null | undefined)[]): Date | null {
  const known = times.filter((time): time is Date => time instanceof Date && !Number.isNaN(time.getTime()));
  return known.length === 0 ? null : new Date(Math.max(...known.map((time) => time.getTime())));
}

/** "48 kB", "1,2 MB", as Swedes write sizes. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}

/** The municipality by its kommunkod; anything else is 404. */
export async function municipalityByCode(dataSource: DataSource, code: string): Promise<Municipality> {
  const municipality = /^\d{4}$/.test(code) ? await dataSource.getRepository(Municipality).findOneBy({ code }) : null;
  if (!municipality) throw new NotFoundException();
  return municipality;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Meetings the public may see: the notice is out (a cancelled one only after a sent notice), of an organ that publishes notices. SQL over `m` and `o`. */
export const PUBLIC_MEETING = `(o.rules_publish_notices AND (m.status IN ('notice_sent', 'held', 'minutes_verified')
  OR (m.status = 'cancelled' AND EXISTS (SELECT 1 FROM meeting_notices sn WHERE sn.meeting_id = m.id AND sn.status = 'dispatched'))))`;

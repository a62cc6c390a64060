import { EntityManager } from 'typeorm';

/** A column written from the JSON rows: its name in the table (and in each row object) and its PostgreSQL type. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'text[]' | 'uuid' | 'uuid[]' | 'integer' | 'smallint' | 'double precision' | 'boolean' | 'date';
}

export interface BulkInsert {
  table: string;
  /** Columns with the same value in every row, e.g. municipality_id: passed once as parameters. */
  fixed: Record<string, string>;
  columns: readonly BulkColumn[];
  /** The unique key to update in place on, e.g. ['framework_id', 'key']: the row keeps its id. Omitted = insert only. */
  conflictKey?: readonly string[];
}

/**
 * Rows per statement. A goal framework of 10,000 indicators has some 50,000 values; one statement per
 * 5,000 rows keeps each parameter at a few megabytes while the round trips stay few.
 */
const ROWS_PER_STATEMENT = 5000;

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts rows set-based: each statement reads up to ROWS_PER_STATEMENT rows from one JSON parameter
 * (jsonb_to_recordset), so a framework of thousands of rows costs a handful of round trips instead of one
 * per row. With a conflict key an existing row is updated in place (its id, and whatever refers to it,
 * survives) and its updated_at moves only when a value changed, as TypeORM's save would. Returns each
 * written row's id and, for keyed tables, its key.
 */
export async function writeRows(em: EntityManager, insert: BulkInsert, rows: readonly Record<string, unknown>[]): Promise<{ id: string; key: string }[]> {
  const fixedNames = Object.keys(insert.fixed);
  const names = [...fixedNames, ...insert.columns.map((column) => column.name)];
  const selected = [...fixedNames.map((_, index) => `$${index + 1}::uuid`), ...insert.columns.map((column) => `r.${quoted(column.name)}`)];
  const recordType = insert.columns.map((column) => `${quoted(column.name)} ${column.type}`).join(', ');
  const rowsParameter = `$${fixedNames.length + 1}::jsonb`;
  let sql = `INSERT INTO ${quoted(insert.table)} AS t (${names.map(quoted).join(', ')}) SELECT ${selected.join(', ')} FROM jsonb_to_recordset(${rowsParameter}) AS r(${recordType})`;
  if (insert.conflictKey) {
    const updated = insert.columns.map((column) => column.name).filter((name) => !insert.conflictKey!.includes(name));
    const current = updated.map((name) => `t.${quoted(name)}`).join(', ');
    const incoming = updated.map((name) => `EXCLUDED.${quoted(name)}`).join(', ');
    sql +=
      ` ON CONFLICT (${insert.conflictKey.map(quoted).join(', ')}) DO UPDATE SET ${updated.map((name) => `${quoted(name)} = EXCLUDED.${quoted(name)}`).join(', ')}` +
      `, "updated_at" = CASE WHEN (${current}) IS DISTINCT FROM (${incoming}) THEN now() ELSE t."updated_at" END` +
      ` RETURNING t."id", t."key"`;
  } else {
    sql += ` RETURNING t."id"`;
  }
  const written: { id: string; key: string }[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    written.push(...((await em.query(sql, [...Object.values(insert.fixed), JSON.stringify(chunk)])) as { id: string; key: string }[]));
  }
  return written;
}

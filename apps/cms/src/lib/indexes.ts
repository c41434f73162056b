import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite';
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core';
import type { PostgresAdapterArgs } from '@payloadcms/db-postgres';
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core';

/**
 * Indexes Payload's field options cannot express, added to the schema it builds (`afterSchemaInit`) so that
 * `migrate:create` writes them into the committed migrations like any other (ADR 0015):
 *
 * - `*_texts.parent_id`: Payload keeps `hasMany` text values (an article's tags) in a side table indexed only on
 *   `(order, parent_id)`, which cannot find one article's rows — every read of an article walked the whole tags table
 *   (at 24,000 stories, the "latest 10" query took seconds). Live rows and versions alike.
 * - `articles_rels (authors_id, parent_id)`: "is this article by this author" answered from the index alone, for the
 *   author pages' newest-first walk.
 */

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number];

type Indexed = { table: string; name: string; columns: string[] };

const EXTRA_INDEXES: Indexed[] = [
  { table: 'articles_texts', name: 'articles_texts_parent_idx', columns: ['parent'] },
  { table: '_articles_v_texts', name: '_articles_v_texts_parent_idx', columns: ['parent'] },
  { table: 'articles_rels', name: 'articles_rels_authors_parent_idx', columns: ['authorsID', 'parent'] },
];

type ColumnsOf = Record<string, unknown>;

function columnsOf(self: ColumnsOf, entry: Indexed): [unknown, ...unknown[]] {
  const columns = entry.columns.map((key) => {
    const column = self[key];
    if (!column) throw new Error(`index ${entry.name}: table ${entry.table} has no column ${key}`);
    return column;
  });
  return columns as [unknown, ...unknown[]];
}

export const sqliteExtraIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const entry of EXTRA_INDEXES) {
    const table = schema.tables[entry.table];
    if (!table) throw new Error(`index ${entry.name}: no table ${entry.table}`);
    extendTable({
      table,
      extraConfig: (self) => ({ [entry.name]: sqliteIndex(entry.name).on(...(columnsOf(self, entry) as Parameters<ReturnType<typeof sqliteIndex>['on']>)) }),
    });
  }
  return schema;
};

export const postgresExtraIndexes: PostgresSchemaHook = ({ schema, extendTable }) => {
  for (const entry of EXTRA_INDEXES) {
    const table = schema.tables[entry.table];
    if (!table) throw new Error(`index ${entry.name}: no table ${entry.table}`);
    extendTable({
      table,
      extraConfig: (self) => ({ [entry.name]: pgIndex(entry.name).on(...(columnsOf(self, entry) as Parameters<ReturnType<typeof pgIndex>['on']>)) }),
    });
  }
  return schema;
};

import type { ReactNode } from 'react';

/** A column heading; `numeric` right-aligns it with its cells, `hidden` keeps it for screen readers only. */
export type Column = string | { label: string; numeric?: boolean; hidden?: boolean };

export type DataTableProps<T> = {
  testId: string;
  /** Read by screen readers only: what the rows are. */
  caption: string;
  columns: readonly Column[];
  rows: readonly T[];
  /** Shown across the table when there are no rows. */
  empty: ReactNode;
  /** While a newer page is read the rows shown are marked busy. */
  busy?: boolean;
  /** One `<tr>` per row. */
  children: (row: T) => ReactNode;
};

const heading = (column: Column) => (typeof column === 'string' ? { label: column } : column);

/** The lists' table: caption, headings, one row per item, or a line saying there is none. */
export const DataTable = <T,>({ testId, caption, columns, rows, empty, busy = false, children }: DataTableProps<T>) => (
  <div className="table-wrap">
    <table className="table" data-testid={testId} aria-busy={busy}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map(heading).map(({ label, numeric, hidden }) => (
            <th key={label} scope="col" className={numeric ? 'table__num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="table__empty">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map(children)
        )}
      </tbody>
    </table>
  </div>
);

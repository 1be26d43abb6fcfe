export type PaginationProps = {
  /** 0-based, as the API counts. */
  page: number;
  totalPages: number;
  totalItems: number;
  itemLabel?: string;
  onPageChange: (page: number) => void;
};

export const Pagination = ({ page, totalPages, totalItems, itemLabel = 'items', onPageChange }: PaginationProps) => {
  const pages = Math.max(totalPages, 1);
  return (
    <nav className="pagination" aria-label="Pagination">
      <button type="button" className="button button--ghost" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
        ← Previous
      </button>
      <span className="pagination__status" data-testid="pagination-status">
        Page {Math.min(page + 1, pages)} of {pages} · {totalItems} {itemLabel}
      </span>
      <button
        type="button"
        className="button button--ghost"
        disabled={page + 1 >= pages}
        onClick={() => onPageChange(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
};

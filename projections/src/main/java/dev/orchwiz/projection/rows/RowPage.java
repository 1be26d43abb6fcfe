package dev.orchwiz.projection.rows;

import dev.orchwiz.api.read.PageAnswer;
import dev.orchwiz.api.read.PagedQuery;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One page of a read model's rows and how many rows match in all, the numbers every {@code *Page} answer carries.
 *
 * @param items the rows of the page, mapped
 * @param totalItems the rows matching in all pages
 * @param totalPages the pages of {@code size} rows those make
 */
public record RowPage<T>(List<T> items, long totalItems, int totalPages) {

    /**
     * Counts the rows {@code count} selects and reads page {@code page} of {@code select}, which must order its rows
     * completely (a tie would let a row appear on two pages); the page is cut by {@code :limit} and {@code :offset},
     * added to {@code parameters}.
     */
    public static <T> RowPage<T> read(
            NamedParameterJdbcTemplate jdbc,
            String count,
            String select,
            MapSqlParameterSource parameters,
            int page,
            int size,
            RowMapper<T> rows) {
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        Long total = jdbc.queryForObject(count, parameters, Long.class);
        List<T> items = jdbc.query(select + " limit :limit offset :offset", parameters, rows);
        long totalItems = total == null ? 0 : total;
        return new RowPage<>(items, totalItems, PagedQuery.pages(totalItems, size));
    }

    /** {@link #read(NamedParameterJdbcTemplate, String, String, MapSqlParameterSource, int, int, RowMapper)} for the page a query asks for. */
    public static <T> RowPage<T> read(
            NamedParameterJdbcTemplate jdbc,
            String count,
            String select,
            MapSqlParameterSource parameters,
            PagedQuery query,
            RowMapper<T> rows) {
        return read(jdbc, count, select, parameters, query.page(), query.size(), rows);
    }

    /** This page as a context's {@code *Page} answer to a request for page {@code page} of {@code size} rows. */
    public <P> P answer(PageAnswer<T, P> answer, int page, int size) {
        return answer.of(items, page, size, totalItems, totalPages);
    }

    /** This page as a context's {@code *Page} answer to {@code query}. */
    public <P> P answer(PageAnswer<T, P> answer, PagedQuery query) {
        return answer(answer, query.page(), query.size());
    }
}

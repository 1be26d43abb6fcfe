package dev.orchwiz.projection.rows;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The {@code where} clause of a list query: a condition every row must meet (who may see it) and each optional filter
 * the caller gave, with the parameters they bind. A filter left out (null) neither narrows the rows nor binds anything.
 */
public final class Where {

    private final StringBuilder clause;
    private final MapSqlParameterSource parameters;

    public Where(String condition, MapSqlParameterSource parameters) {
        this.clause = new StringBuilder(" where " + condition);
        this.parameters = parameters;
    }

    /** Adds {@code condition}, which binds {@code :name} to {@code value}, unless {@code value} is null. */
    public Where and(String condition, String name, Object value) {
        if (value != null) {
            clause.append(" and ").append(condition);
            parameters.addValue(name, value);
        }
        return this;
    }

    /** Adds {@code condition}, which binds nothing, if {@code given}. */
    public Where and(String condition, boolean given) {
        if (given) {
            clause.append(" and ").append(condition);
        }
        return this;
    }

    public MapSqlParameterSource parameters() {
        return parameters;
    }

    /** The clause, with a leading space, to append to a {@code select} or a {@code count}. */
    @Override
    public String toString() {
        return clause.toString();
    }
}

package dev.orchwiz.api.read;

import java.util.List;

/** A question for one page of a list: which page, counting from 0, of how many rows. */
public interface PagedQuery {

    int page();

    int size();

    /**
     * This page of {@code all}, a list held whole in memory (a node's own tallies, a dead-letter queue), as a context's
     * {@code *Page} answer; a page past the end is empty and still says how many rows there are.
     */
    default <T, P> P slice(List<T> all, PageAnswer<T, P> answer) {
        int from = (int) Math.min((long) page() * size(), all.size());
        int to = Math.min(from + size(), all.size());
        return answer.of(all.subList(from, to), page(), size(), all.size(), pages(all.size(), size()));
    }

    /** How many pages of {@code size} rows {@code totalItems} rows make. */
    static int pages(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}

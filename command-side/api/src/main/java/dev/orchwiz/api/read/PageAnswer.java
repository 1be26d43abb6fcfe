package dev.orchwiz.api.read;

import java.util.List;

/** The constructor every context's {@code *Page} answer has, so one paging rule can build any of them. */
@FunctionalInterface
public interface PageAnswer<T, P> {

    P of(List<T> items, int page, int size, long totalItems, int totalPages);
}

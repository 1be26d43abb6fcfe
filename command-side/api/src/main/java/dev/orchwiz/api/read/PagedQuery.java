package dev.orchwiz.api.read;

/** A question for one page of a list: which page, counting from 0, of how many rows. */
public interface PagedQuery {

    int page();

    int size();
}

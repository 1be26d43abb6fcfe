/**
 * What every plain-SQL read model does the same way: versioned row writes, the one row a viewer finds by id, a
 * page of rows with its total, a list's optional filters, search patterns, nullable timestamps.
 */
package dev.orchwiz.projection.rows;

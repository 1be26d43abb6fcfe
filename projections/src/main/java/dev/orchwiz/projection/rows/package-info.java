/**
 * What every plain-SQL read model does the same way: versioned row writes, a page of rows with its total, search
 * patterns, nullable timestamps.
 */
package dev.orchwiz.projection.rows;

/** What every plain-SQL read model reads the same way: a page of rows with its total, and nullable timestamps. */
package dev.orchwiz.projection.rows;

/** Where the node keeps its data: an external PostgreSQL, or an embedded one that needs no installation. */
package dev.orchwiz.storage;

/** Reads of the permission context: the rules a caller may see. */
package dev.orchwiz.query.permission;

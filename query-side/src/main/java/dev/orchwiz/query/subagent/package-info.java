/** Reads of the subagent context. */
package dev.orchwiz.query.subagent;

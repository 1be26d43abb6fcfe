/** Reads of the tool-call context: calls, the approvals inbox, output, hook deliveries and the decision trail. */
package dev.orchwiz.query.toolcall;

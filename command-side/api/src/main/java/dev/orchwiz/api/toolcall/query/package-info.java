/** Questions about tool calls, approvals and runs, and their answers. */
package dev.orchwiz.api.toolcall.query;

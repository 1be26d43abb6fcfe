/** The tool calls read model: each call with its decision, approval, hook verdicts, run and output chunks. */
package dev.orchwiz.projection.toolcall;

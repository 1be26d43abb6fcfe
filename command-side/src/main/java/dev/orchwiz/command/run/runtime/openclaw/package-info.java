/** The OpenClaw gateway as an agent runtime: its WebSocket protocol, its agent event stream and its exec approvals. */
package dev.orchwiz.command.run.runtime.openclaw;

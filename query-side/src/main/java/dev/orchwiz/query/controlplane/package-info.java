/** Read endpoints of the agent control plane: slash commands, rules, policies, tool calls, approvals, runs, hooks. */
package dev.orchwiz.query.controlplane;

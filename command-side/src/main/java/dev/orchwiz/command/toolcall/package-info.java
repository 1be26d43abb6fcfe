/** Tool calls: the aggregate that decides each call (rules, mode, hooks, approval, gate) and records its run. */
package dev.orchwiz.command.toolcall;

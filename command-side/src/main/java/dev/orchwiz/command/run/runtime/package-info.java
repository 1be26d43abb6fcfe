/** The runtimes a run can call (local, OpenAI-compatible, OpenClaw) behind one interface. */
package dev.orchwiz.command.run.runtime;

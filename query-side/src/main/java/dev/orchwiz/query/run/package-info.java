/** Reads of agent runs, their traces, the node's runtimes and usage reports. */
package dev.orchwiz.query.run;

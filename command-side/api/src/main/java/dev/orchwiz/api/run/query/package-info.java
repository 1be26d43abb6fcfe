/** Questions about runs and their traces, and their answers. */
package dev.orchwiz.api.run.query;

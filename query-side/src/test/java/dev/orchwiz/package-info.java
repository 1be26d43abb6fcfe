/** Tests of the whole node: HTTP in, events stored, read side answers. */
package dev.orchwiz;

/** Operating the node: read-model status and rebuilds from the event store. */
package dev.orchwiz.operations;

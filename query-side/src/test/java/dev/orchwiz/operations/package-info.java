/** Tests of the node's operations endpoints: who may read the node's own metrics and state. */
package dev.orchwiz.operations;

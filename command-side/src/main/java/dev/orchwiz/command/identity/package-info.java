/** Users and the node's sign-up rules: who may sign in, with what, and who decided. */
package dev.orchwiz.command.identity;

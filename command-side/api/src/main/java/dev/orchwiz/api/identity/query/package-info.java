/** Questions about accounts, tokens and the node's sign-up rules. */
package dev.orchwiz.api.identity.query;

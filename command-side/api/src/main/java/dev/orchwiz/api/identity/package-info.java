/** Who acts: user ids and the acting principal that every command carries. */
package dev.orchwiz.api.identity;

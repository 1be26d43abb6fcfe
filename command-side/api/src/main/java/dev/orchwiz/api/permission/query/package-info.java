/** Questions about permission rules and their answers. */
package dev.orchwiz.api.permission.query;

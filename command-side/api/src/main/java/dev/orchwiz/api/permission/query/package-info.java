/** Questions about permission rules and policies, and their answers. */
package dev.orchwiz.api.permission.query;

/** Questions about hooks and deliveries, and their answers. */
package dev.orchwiz.api.hook.query;

/** Sessions: an agent run a person or script opens, steers by mode and status, and talks to. */
package dev.orchwiz.api.session;

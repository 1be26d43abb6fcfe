/** What happened to permission rules and user-written permission policies. */
package dev.orchwiz.api.permission.event;

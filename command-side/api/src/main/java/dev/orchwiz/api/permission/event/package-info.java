/** What happened to permission rules. */
package dev.orchwiz.api.permission.event;

/** Requests that add and remove permission rules and write permission policies. */
package dev.orchwiz.api.permission.command;

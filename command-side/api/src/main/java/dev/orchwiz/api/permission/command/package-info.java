/** Requests that add and remove permission rules. */
package dev.orchwiz.api.permission.command;

/** The published language of OrchWiz: every message, id, result and error code the modules exchange. */
package dev.orchwiz.api;

/** The API's OpenAPI description: what it is, its endpoints grouped by context, and how to authenticate. */
package dev.orchwiz.web.openapi;

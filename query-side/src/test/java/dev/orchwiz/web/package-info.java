/** Tests of the HTTP edge: how every refusal under {@code /api} looks, down to the container's own. */
package dev.orchwiz.web;

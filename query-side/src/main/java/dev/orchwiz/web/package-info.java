/** The node's HTTP edge: who is acting, how errors read, how enums convert and how the SPA is served. */
package dev.orchwiz.web;

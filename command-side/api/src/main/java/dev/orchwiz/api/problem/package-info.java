/** Business failures as stable error codes, translated to HTTP problems once at the edge. */
package dev.orchwiz.api.problem;

/** Questions about sessions and their answers, always scoped to the asking principal. */
package dev.orchwiz.api.session.query;

/** Session read endpoints: lists, detail with timeline, and read-your-writes waiting. */
package dev.orchwiz.query.session;

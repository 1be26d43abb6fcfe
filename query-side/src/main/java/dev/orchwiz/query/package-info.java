/** Read endpoints: HTTP GETs that ask the query bus and stream events. */
package dev.orchwiz.query;

/** Security-relevant facts, kept as events so an audit can replay who could do what and when. */
package dev.orchwiz.api.identity.event;

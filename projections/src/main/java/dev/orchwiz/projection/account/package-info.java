/**
 * The accounts read model: users, API tokens, invitations and node settings. Sign-in reads it on every request, so
 * its processor is subscribing: it is written in the same transaction as the events, never behind them.
 */
package dev.orchwiz.projection.account;

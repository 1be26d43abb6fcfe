/** Test support shared by the modules' integration tests: a fresh PostgreSQL database per Spring context. */
package dev.orchwiz.testing;

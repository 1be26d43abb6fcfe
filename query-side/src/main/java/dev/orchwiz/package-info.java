/** The OrchWiz node: one Spring Boot application that assembles the command side, projections and dashboard. */
package dev.orchwiz;

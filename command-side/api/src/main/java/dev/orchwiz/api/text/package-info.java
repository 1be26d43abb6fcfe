/** What text the node accepts from outside, decided once so every edge refuses the same characters. */
package dev.orchwiz.api.text;

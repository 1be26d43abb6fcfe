/** Browser tests of the dashboard, driving Debian's Chromium through Playwright. */
package dev.orchwiz.dashboard;

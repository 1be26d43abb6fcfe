/** HTTP pieces shared by the command endpoints: conditional-request headers and request-body checks. */
package dev.orchwiz.command.web;

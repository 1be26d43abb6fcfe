/** Signs, checks and POSTs webhook hook deliveries (Standard Webhooks v1) with no framework in the way. */
package dev.orchwiz.command.hook.delivery;

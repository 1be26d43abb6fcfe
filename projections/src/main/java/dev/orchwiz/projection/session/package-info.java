/** The sessions read model: the list and detail tables, the projector that fills them and the queries over them. */
package dev.orchwiz.projection.session;

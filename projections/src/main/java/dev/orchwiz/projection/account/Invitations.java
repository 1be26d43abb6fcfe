package dev.orchwiz.projection.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface Invitations extends JpaRepository<InvitationRow, String> {}

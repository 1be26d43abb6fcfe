package dev.orchwiz.projection.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface NodeSettingsRows extends JpaRepository<NodeSettingsRow, String> {}

package dev.orchwiz.projection.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface AdminClaims extends JpaRepository<AdminClaimRow, String> {}

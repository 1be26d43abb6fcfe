package dev.orchwiz.projection.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokens extends JpaRepository<ApiTokenRow, String> {

    Page<ApiTokenRow> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(String userId, Pageable page);
}

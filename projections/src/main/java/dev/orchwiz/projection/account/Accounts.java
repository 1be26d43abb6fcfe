package dev.orchwiz.projection.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<AccountRow, String> {

    Optional<AccountRow> findByEmail(String email);

    long countByAdminTrue();
}

package dev.orchwiz.projection.session;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface SessionRows extends JpaRepository<SessionRow, UUID>, JpaSpecificationExecutor<SessionRow> {}

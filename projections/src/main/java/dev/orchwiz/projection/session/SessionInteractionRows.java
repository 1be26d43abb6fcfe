package dev.orchwiz.projection.session;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SessionInteractionRows extends JpaRepository<SessionInteractionRow, UUID> {

    Page<SessionInteractionRow> findBySessionIdOrderBySequenceAsc(UUID sessionId, Pageable page);

    List<SessionInteractionRow> findTop100BySessionIdOrderBySequenceDesc(UUID sessionId);
}

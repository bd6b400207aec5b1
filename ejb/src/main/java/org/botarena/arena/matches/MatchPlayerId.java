package org.botarena.arena.matches;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** A spot of a match. */
@Embeddable
public record MatchPlayerId(@Column(name = "match_id") UUID matchId, int spot)
    implements Serializable {}

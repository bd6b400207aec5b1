package org.botarena.arena.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** A rating belongs to a bot in one game type. */
@Embeddable
public record RatingKey(
    @Column(name = "bot_id") long botId, @Column(name = "game_type") String gameType)
    implements Serializable {}
